using Agents.Runtime.Inference;
using Agents.Runtime.Native;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Agents.Runtime.Model;

/// <summary>
/// The decoder-only transformer, Llama shape, in one file: token embedding, blocks of (RMSNorm, grouped-query
/// attention with rotary positions, RMSNorm, SwiGLU), a final RMSNorm, and an output head tied to the embedding
/// (computed as linear(x, embedding.weight), so the weight is one parameter). Parameter names follow Hugging Face
/// Llama ("layers.0.self_attn.q_proj.weight"). Use it on the model thread only.
/// </summary>
public sealed class Transformer : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the state-dict keys.
    private readonly Embedding embed_tokens;
    private readonly ModuleList<Block> layers;
    private readonly RmsNorm norm;
#pragma warning restore IDE1006
    private readonly AdapterSlot adapterSlot = new();

    /// <summary>Builds a model with GPT-2 initialisation drawn from a generator seeded with <paramref name="seed"/>.</summary>
    public Transformer(ModelConfig config, long seed = 0)
        : base(Loaded("transformer"))
    {
        Config = config.Validate();
        embed_tokens = nn.Embedding(config.VocabularySize, config.Width);
        layers = nn.ModuleList(Enumerable.Range(0, config.Layers).Select(i => new Block(config, i, adapterSlot)).ToArray());
        norm = new RmsNorm(config.Width, config.NormEpsilon);
        RegisterComponents();
        Initialise(seed);
    }

    /// <summary>The hyperparameters.</summary>
    public ModelConfig Config { get; }

    /// <summary>The element type of matrix products: float32 (default) or bfloat16 (weights and norms stay float32).</summary>
    public ScalarType ComputeType { get; set; } = ScalarType.Float32;

    /// <summary>
    /// A change added to the block projections (a LoRA adapter), or null for the plain model. Its weights stay outside
    /// the model's parameters and saved files; the caller owns it. Set on the model thread, between passes.
    /// </summary>
    public IProjectionAdapter? Adapter
    {
        get => adapterSlot.Adapter;
        set => adapterSlot.Adapter = value;
    }

    /// <summary>
    /// The token that ends each document in packed training rows, or null (the default) for plain causal attention.
    /// When set, <see cref="forward"/> masks attention to each document: a token sees only the earlier tokens of its own
    /// document (the separator belongs to the document it ends), so with relative rotary positions a packed document's
    /// logits equal those it has alone. Training only; generation through the cache never packs.
    /// </summary>
    public long? DocumentSeparator { get; set; }

    /// <summary>Logits [batch, time, vocabulary] for tokens [batch, time], positions from 0, causal (and per document, with <see cref="DocumentSeparator"/>).</summary>
    public override Tensor forward(Tensor tokens)
    {
        var time = tokens.shape[1];
        if (time > Config.ContextLength)
        {
            throw new ArgumentException($"Expected at most {Config.ContextLength} tokens (the context length), found {time}.", nameof(tokens));
        }

        var (cos, sin) = Rotary.Tables(time, Config.HeadSize, Config.RopeTheta, tokens.device, embed_tokens.weight!.dtype);
        using var mask = DocumentSeparator is { } separator ? DocumentMask(tokens, separator) : null;
        var x = embed_tokens.forward(tokens);
        foreach (var block in layers)
        {
            x = block.Forward(x, cos, sin, ComputeType, mask);
        }

        x = norm.forward(x);
        return Linear(x, embed_tokens.weight!, ComputeType).to(embed_tokens.weight!.dtype);
    }

    /// <summary>
    /// Logits [batch, time, vocabulary] for tokens [batch, time] written into <paramref name="cache"/>: row b goes to
    /// slot <paramref name="slots"/>[b] at positions starts[b] .. starts[b]+time-1 and attends to everything cached
    /// before it in its slot. Prefill is one row per prompt from any start (rows right-padded to one length; padding
    /// writes positions that decoding later overwrites); decode is many rows of one token. With <paramref name="lastOnly"/>,
    /// only the logits of each row's last real token [batch, 1, vocabulary] (<paramref name="lengths"/>: real tokens per
    /// row, default all). Model thread only.
    /// </summary>
    public Tensor ForwardCached(Tensor tokens, KvCache cache, long[] slots, long[] starts, bool lastOnly = false, long[]? lengths = null) =>
        Head(HiddenCached(tokens, cache, slots, starts, lastOnly, lengths));

    /// <summary>Final-norm hidden states [batch, time, width] of a causal pass from position 0, without a cache (for embeddings).</summary>
    public Tensor Hidden(Tensor tokens)
    {
        var (cos, sin) = Rotary.Tables(tokens.shape[1], Config.HeadSize, Config.RopeTheta, tokens.device, embed_tokens.weight!.dtype);
        var x = embed_tokens.forward(tokens);
        foreach (var block in layers)
        {
            x = block.Forward(x, cos, sin, ComputeType);
        }

        return norm.forward(x);
    }

    /// <summary>
    /// The boolean attention mask [batch, 1, time, time] of packed rows: true where key j is at or before query i and in
    /// the same document; a document ends with (and includes) each <paramref name="separator"/> token.
    /// </summary>
    internal static Tensor DocumentMask(Tensor tokens, long separator)
    {
        using var scope = NewDisposeScope();
        var time = tokens.shape[1];
        var ends = tokens.eq(separator).to(ScalarType.Int64);
        var document = ends.cumsum(1) - ends;
        var same = document.unsqueeze(2).eq(document.unsqueeze(1));
        var causal = ones(time, time, ScalarType.Bool, tokens.device).tril();
        return same.logical_and(causal).unsqueeze(1).MoveToOuterDisposeScope();
    }

    private Tensor Head(Tensor hidden) => Linear(hidden, embed_tokens.weight!, ComputeType).to(embed_tokens.weight!.dtype);

    private Tensor HiddenCached(Tensor tokens, KvCache cache, long[] slots, long[] starts, bool lastOnly, long[]? lengths)
    {
        long batch = tokens.shape[0], time = tokens.shape[1];
        var device = tokens.device;
        var positions = new long[batch * time];
        var writes = new long[batch * time];
        long keyLength = 0;
        for (var b = 0; b < batch; b++)
        {
            if (starts[b] + time > cache.Capacity)
            {
                throw new ArgumentException($"Expected at most {cache.Capacity} cached positions, found {starts[b] + time}.", nameof(tokens));
            }

            keyLength = Math.Max(keyLength, starts[b] + time);
            for (var t = 0; t < time; t++)
            {
                positions[(b * time) + t] = starts[b] + t;
                writes[(b * time) + t] = (slots[b] * cache.Capacity) + starts[b] + t;
            }
        }

        var positionTensor = tensor(positions, device: device);
        var cos = cache.Cos.index_select(0, positionTensor).view(batch, 1, time, -1);
        var sin = cache.Sin.index_select(0, positionTensor).view(batch, 1, time, -1);
        var inOrder = slots.Length == cache.Slots && slots.Select((s, i) => s == i).All(x => x);
        var step = new CacheStep(cache, tensor(slots, device: device), tensor(writes, device: device), keyLength, Mask(starts, time, keyLength, device), inOrder);
        var x = embed_tokens.forward(tokens);
        for (var layer = 0; layer < layers.Count; layer++)
        {
            x = layers[layer].ForwardCached(x, cos, sin, ComputeType, step, layer);
        }

        if (lastOnly && (lengths is null || lengths.All(l => l == time)))
        {
            x = x.narrow(1, time - 1, 1);
        }
        else if (lastOnly)
        {
            var rows = arange(batch, device: device);
            var last = tensor(lengths!.Select(l => l - 1).ToArray(), device: device);
            x = x.index([TensorIndex.Tensor(rows), TensorIndex.Tensor(last)]).unsqueeze(1);
        }

        return norm.forward(x);
    }

    /// <summary>Null when the plain causal flag is right (one row from position 0) or no mask is needed (one row, one token).</summary>
    private static Tensor? Mask(long[] starts, long time, long keyLength, Device device)
    {
        if (starts.Length == 1 && (starts[0] == 0 || time == 1))
        {
            return null;
        }

        var keys = arange(keyLength, device: device).view(1, 1, 1, keyLength);
        var queries = (tensor(starts, device: device).view(-1, 1, 1, 1) + arange(time, device: device).view(1, 1, time, 1));
        return keys.le(queries);
    }

    /// <summary>Names of the parameters that get no weight decay (norms and the embedding).</summary>
    public IReadOnlySet<string> NoDecayParameterNames() =>
        named_parameters().Select(p => p.name).Where(n => n.EndsWith("norm.weight", StringComparison.Ordinal) || n.StartsWith("embed_tokens", StringComparison.Ordinal)).ToHashSet();

    private static string Loaded(string name)
    {
        TorchNative.EnsureLoaded();
        return name;
    }

    /// <summary>x times the transpose of <paramref name="weight"/>, in <paramref name="computeType"/>.</summary>
    internal static Tensor Linear(Tensor x, Tensor weight, ScalarType computeType) =>
        computeType == x.dtype && computeType == weight.dtype ? F.linear(x, weight) : F.linear(x.to(computeType), weight.to(computeType));

    /// <summary><see cref="Linear"/> plus the adapter's change to this projection, when one is attached.</summary>
    private static Tensor Project(Tensor x, Linear projection, ScalarType computeType, AdapterSlot slot, int layer, Projection which)
    {
        var y = Linear(x, projection.weight!, computeType);
        // The projection's mode is the model's: train() and eval() reach every submodule.
        return slot.Adapter?.Delta(layer, which, x, computeType, projection.training) is { } delta ? y + delta.to(y.dtype) : y;
    }

    /// <summary>The adapter shared by every block (a plain holder, so module registration never sees it).</summary>
    internal sealed class AdapterSlot
    {
        public IProjectionAdapter? Adapter { get; set; }
    }

    private void Initialise(long seed)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)seed);
        var residualStd = Config.InitStd / Math.Sqrt(2.0 * Config.Layers);
        foreach (var (name, parameter) in named_parameters())
        {
            if (name.EndsWith("norm.weight", StringComparison.Ordinal))
            {
                parameter.fill_(1.0);
            }
            else
            {
                var residual = name.EndsWith("o_proj.weight", StringComparison.Ordinal) || name.EndsWith("down_proj.weight", StringComparison.Ordinal);
                parameter.copy_(randn(parameter.shape, parameter.dtype, generator: generator) * (residual ? residualStd : Config.InitStd));
            }
        }
    }

    /// <summary>Root-mean-square normalisation, computed in float32 (or float64 when the input is).</summary>
    internal sealed class RmsNorm : nn.Module<Tensor, Tensor>
    {
        private readonly double epsilon;
#pragma warning disable IDE1006
        private readonly Parameter weight;
#pragma warning restore IDE1006

        public RmsNorm(int width, double epsilon)
            : base("rms_norm")
        {
            this.epsilon = epsilon;
            weight = new Parameter(ones(width));
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var wide = x.dtype == ScalarType.Float64 ? x : x.to(ScalarType.Float32);
            var normalised = wide * rsqrt(wide.pow(2).mean([-1], keepdim: true) + epsilon);
            return (normalised * weight).to(x.dtype);
        }
    }

    /// <summary>One block: pre-norm attention and pre-norm SwiGLU, each added to the residual stream.</summary>
    internal sealed class Block : nn.Module
    {
#pragma warning disable IDE1006
        private readonly RmsNorm input_layernorm;
        private readonly Attention self_attn;
        private readonly RmsNorm post_attention_layernorm;
        private readonly FeedForward mlp;
#pragma warning restore IDE1006

        public Block(ModelConfig config, int layer, AdapterSlot adapter)
            : base("block")
        {
            input_layernorm = new RmsNorm(config.Width, config.NormEpsilon);
            self_attn = new Attention(config, layer, adapter);
            post_attention_layernorm = new RmsNorm(config.Width, config.NormEpsilon);
            mlp = new FeedForward(config, layer, adapter);
            RegisterComponents();
        }

        public Tensor Forward(Tensor x, Tensor cos, Tensor sin, ScalarType computeType, Tensor? mask = null)
        {
            x = x + self_attn.Forward(input_layernorm.forward(x), cos, sin, computeType, mask).to(x.dtype);
            return x + mlp.Forward(post_attention_layernorm.forward(x), computeType).to(x.dtype);
        }

        public Tensor ForwardCached(Tensor x, Tensor cos, Tensor sin, ScalarType computeType, CacheStep step, int layer)
        {
            x = x + self_attn.ForwardCached(input_layernorm.forward(x), cos, sin, computeType, step, layer).to(x.dtype);
            return x + mlp.Forward(post_attention_layernorm.forward(x), computeType).to(x.dtype);
        }
    }

    /// <summary>Causal grouped-query self-attention with rotary positions; keys and values are repeated per group.</summary>
    internal sealed class Attention : nn.Module
    {
        private readonly ModelConfig config;
        private readonly int layer;
        private readonly AdapterSlot adapter;
#pragma warning disable IDE1006
        private readonly Linear q_proj;
        private readonly Linear k_proj;
        private readonly Linear v_proj;
        private readonly Linear o_proj;
#pragma warning restore IDE1006

        public Attention(ModelConfig config, int layer, AdapterSlot adapter)
            : base("attention")
        {
            this.config = config;
            this.layer = layer;
            this.adapter = adapter;
            q_proj = nn.Linear(config.Width, config.Heads * config.HeadSize, hasBias: false);
            k_proj = nn.Linear(config.Width, config.KeyValueHeads * config.HeadSize, hasBias: false);
            v_proj = nn.Linear(config.Width, config.KeyValueHeads * config.HeadSize, hasBias: false);
            o_proj = nn.Linear(config.Heads * config.HeadSize, config.Width, hasBias: false);
            RegisterComponents();
        }

        public Tensor Forward(Tensor x, Tensor cos, Tensor sin, ScalarType computeType, Tensor? mask = null)
        {
            long batch = x.shape[0], time = x.shape[1];
            var q = Project(x, q_proj, computeType, adapter, layer, Projection.Query).view(batch, time, config.Heads, config.HeadSize).transpose(1, 2);
            var k = Project(x, k_proj, computeType, adapter, layer, Projection.Key).view(batch, time, config.KeyValueHeads, config.HeadSize).transpose(1, 2);
            var v = Project(x, v_proj, computeType, adapter, layer, Projection.Value).view(batch, time, config.KeyValueHeads, config.HeadSize).transpose(1, 2);
            q = Rotary.Apply(q, cos, sin);
            k = Rotary.Apply(k, cos, sin);
            var groups = config.Heads / config.KeyValueHeads;
            if (groups > 1)
            {
                k = k.repeat_interleave(groups, dim: 1);
                v = v.repeat_interleave(groups, dim: 1);
            }

            var y = mask is null ? F.scaled_dot_product_attention(q, k, v, is_casual: true) : F.scaled_dot_product_attention(q, k, v, mask);
            y = y.transpose(1, 2).contiguous().view(batch, time, config.Heads * config.HeadSize);
            return Project(y, o_proj, computeType, adapter, layer, Projection.Output);
        }

        public Tensor ForwardCached(Tensor x, Tensor cos, Tensor sin, ScalarType computeType, CacheStep step, int layer)
        {
            long batch = x.shape[0], time = x.shape[1];
            var q = Project(x, q_proj, computeType, adapter, layer, Projection.Query).view(batch, time, config.Heads, config.HeadSize).transpose(1, 2);
            var k = Project(x, k_proj, computeType, adapter, layer, Projection.Key).view(batch, time, config.KeyValueHeads, config.HeadSize).transpose(1, 2);
            var v = Project(x, v_proj, computeType, adapter, layer, Projection.Value).view(batch, time, config.KeyValueHeads, config.HeadSize);
            q = Rotary.Apply(q, cos, sin);
            k = Rotary.Apply(k, cos, sin).transpose(1, 2);

            // Write this step's keys and values by slice, then read each row's slot back up to the longest length.
            var keyCache = step.Cache.Keys[layer];
            var valueCache = step.Cache.Values[layer];
            keyCache.index_copy_(0, step.Writes, k.reshape(batch * time, config.KeyValueHeads, config.HeadSize).to(keyCache.dtype));
            valueCache.index_copy_(0, step.Writes, v.reshape(batch * time, config.KeyValueHeads, config.HeadSize).to(valueCache.dtype));
            var keys = Gather(keyCache, step).to(q.dtype);
            var values = Gather(valueCache, step).to(q.dtype);
            var groups = config.Heads / config.KeyValueHeads;
            Tensor y;
            if (time == 1)
            {
                // One new token per row: the query heads of a group share its keys, so fold the group into the query
                // axis instead of repeating keys and values; the row's mask broadcasts over it.
                var folded = q.reshape(batch, config.KeyValueHeads, groups, config.HeadSize);
                y = F.scaled_dot_product_attention(folded, keys, values, step.Mask).reshape(batch, config.Heads, 1, config.HeadSize);
            }
            else
            {
                if (groups > 1)
                {
                    keys = keys.repeat_interleave(groups, dim: 1);
                    values = values.repeat_interleave(groups, dim: 1);
                }

                y = F.scaled_dot_product_attention(q, keys, values, step.Mask, is_casual: step.Mask is null);
            }

            y = y.transpose(1, 2).contiguous().view(batch, time, config.Heads * config.HeadSize);
            return Project(y, o_proj, computeType, adapter, layer, Projection.Output);
        }

        /// <summary>The cached keys or values of each row's slot up to the key length, [batch, key-value heads, keys, head size]; no copy when the rows are all slots in order.</summary>
        private Tensor Gather(Tensor flat, CacheStep step)
        {
            var cache = step.Cache;
            var bySlot = flat.view(cache.Slots, cache.Capacity, config.KeyValueHeads, config.HeadSize).narrow(1, 0, step.KeyLength);
            var rows = step.InOrder ? bySlot : bySlot.index_select(0, step.Slots);
            return rows.transpose(1, 2);
        }
    }

    /// <summary>SwiGLU feed-forward: down(silu(gate(x)) * up(x)).</summary>
    internal sealed class FeedForward : nn.Module
    {
#pragma warning disable IDE1006
        private readonly Linear gate_proj;
        private readonly Linear up_proj;
        private readonly Linear down_proj;
#pragma warning restore IDE1006
        private readonly int layer;
        private readonly AdapterSlot adapter;

        public FeedForward(ModelConfig config, int layer, AdapterSlot adapter)
            : base("mlp")
        {
            this.layer = layer;
            this.adapter = adapter;
            gate_proj = nn.Linear(config.Width, config.HiddenSize, hasBias: false);
            up_proj = nn.Linear(config.Width, config.HiddenSize, hasBias: false);
            down_proj = nn.Linear(config.HiddenSize, config.Width, hasBias: false);
            RegisterComponents();
        }

        public Tensor Forward(Tensor x, ScalarType computeType) =>
            Project(
                F.silu(Project(x, gate_proj, computeType, adapter, layer, Projection.Gate)) * Project(x, up_proj, computeType, adapter, layer, Projection.Up),
                down_proj,
                computeType,
                adapter,
                layer,
                Projection.Down);
    }
}
