using System.Security.Cryptography;
using System.Text;
using Parameter = TorchSharp.Modules.Parameter;
using static TorchSharp.torch;

namespace Agents.Runtime.Model;

/// <summary>
/// LoRA adapter weights for a <see cref="Transformer"/>: for each block and targeted projection W, a pair A [rank, in]
/// (uniform in ±1/sqrt(in)) and B [out, rank] (zeros, so a fresh adapter changes nothing), adding
/// (alpha / rank) B A x to W x; while the model trains, x first goes through dropout of probability
/// <see cref="LoraConfig.Dropout"/> (as in PEFT), drawn from the adapter's own generator (see <see cref="SeedDropout"/>).
/// Parameter names follow PEFT: "layers.0.self_attn.q_proj.lora_A.weight". Owns its tensors (float32, on the base
/// model's device); create, use and dispose it on the model thread.
/// </summary>
public sealed class LoraAdapter : IProjectionAdapter, IDisposable
{
    private readonly Dictionary<(int Layer, Projection Projection), (Parameter A, Parameter B)> pairs = [];
    private readonly List<(string Name, Parameter Parameter)> named = [];
    private readonly Generator dropoutGenerator;

    private LoraAdapter(ModelConfig model, LoraConfig config, Device device, long seed)
    {
        Model = model;
        Config = config;
        dropoutGenerator = new Generator((ulong)seed, device);
        using var generator = new Generator((ulong)seed);
        using var _ = no_grad();
        for (var layer = 0; layer < model.Layers; layer++)
        {
            foreach (var target in config.Targets)
            {
                var (input, output) = LoraConfig.Shape(model, target);
                var bound = 1.0 / Math.Sqrt(input);
                var a = OnDevice(empty([config.Rank, input]).uniform_(-bound, bound, generator), device);
                var b = OnDevice(zeros([output, config.Rank]), device);
                var pair = (new Parameter(a, requires_grad: true), new Parameter(b, requires_grad: true));
                pairs[(layer, target)] = pair;
                named.Add((ParameterName(layer, target, 'A'), pair.Item1));
                named.Add((ParameterName(layer, target, 'B'), pair.Item2));
            }
        }
    }

    /// <summary>Rank, alpha, targets and the base model it belongs to.</summary>
    public LoraConfig Config { get; }

    /// <summary>The shape of the base model.</summary>
    public ModelConfig Model { get; }

    /// <summary>The trainable tensors by name, A before B, block by block.</summary>
    public IReadOnlyList<(string Name, Parameter Parameter)> NamedParameters => named;

    /// <summary>Number of trainable values (equals <see cref="LoraConfig.ParameterCount"/> for the base shape).</summary>
    public long ParameterCount => named.Sum(p => p.Parameter.numel());

    /// <summary>
    /// A fresh adapter for <paramref name="model"/>, on its device, A drawn from a generator seeded with
    /// <paramref name="seed"/>; its config records the hash of the model's weights (and <paramref name="baseModel"/>).
    /// </summary>
    /// <exception cref="RuntimeOptionException">Rank, alpha or targets are out of range.</exception>
    public static LoraAdapter Create(Transformer model, LoraConfig config, long seed = 0, string? baseModel = null)
    {
        config.Validate();
        var recorded = config with { BaseModel = baseModel ?? config.BaseModel, BaseModelSha256 = WeightsSha256(model) };
        return new LoraAdapter(model.Config, recorded, model.parameters().First().device, seed);
    }

    /// <summary>An adapter for <paramref name="model"/> with <paramref name="config"/> as stored (its base hash already checked); weights to be loaded.</summary>
    internal static LoraAdapter Restore(Transformer model, LoraConfig config) =>
        new(model.Config, config.Validate(), model.parameters().First().device, seed: 0);

    /// <summary>The name of matrix A or B (<paramref name="matrix"/>) of a target in a block.</summary>
    public static string ParameterName(int layer, Projection projection, char matrix) =>
        $"layers.{layer}.{LoraConfig.ModulePath(projection)}.lora_{matrix}.weight";

    /// <summary>
    /// SHA-256 over the model's parameters (sorted by name: name, shape, float32 bytes): what adapter_config.json
    /// records to recognise its base, whatever file type the base was saved in.
    /// </summary>
    public static string WeightsSha256(Transformer model)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var scope = NewDisposeScope();
        foreach (var (name, parameter) in model.named_parameters().OrderBy(p => p.name, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            hash.AppendData(parameter.shape.SelectMany(BitConverter.GetBytes).ToArray());
            var values = parameter.detach().to(ScalarType.Float32).cpu().contiguous();
            hash.AppendData(values.bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Freezes the weights of <paramref name="model"/> (no gradients for them) and attaches this adapter, so its
    /// forward passes include the change. The model must have the shape the adapter was made for.
    /// </summary>
    /// <exception cref="RuntimeOptionException">The model's shape differs from the adapter's base.</exception>
    public void Attach(Transformer model)
    {
        RequireShape(model.Config);
        foreach (var parameter in model.parameters())
        {
            parameter.requires_grad = false;
        }

        model.Adapter = this;
    }

    /// <summary>
    /// Restarts the dropout generator from <paramref name="seed"/>: the trainer seeds it for every micro-batch, so the
    /// same step drops the same values in a resumed run as in an uninterrupted one.
    /// </summary>
    public void SeedDropout(long seed) => dropoutGenerator.manual_seed(seed);

    /// <inheritdoc/>
    /// <remarks>While <paramref name="training"/>, inverted dropout on the input (kept values scaled by 1 / (1 - p)); in eval mode none.</remarks>
    public Tensor? Delta(int layer, Projection projection, Tensor input, ScalarType computeType, bool training)
    {
        if (!pairs.TryGetValue((layer, projection), out var pair))
        {
            return null;
        }

        if (training && Config.Dropout > 0)
        {
            var keep = 1 - Config.Dropout;
            input = input * empty_like(input).bernoulli_(keep, dropoutGenerator).div_(keep);
        }

        // Scale the rank-wide intermediate: the cheapest place to multiply.
        var low = Transformer.Linear(input, pair.A, computeType) * Config.Scale;
        return Transformer.Linear(low, pair.B, computeType);
    }

    /// <summary>
    /// Adds (alpha / rank) B A into the targeted weights of <paramref name="model"/> (in float32) and detaches this
    /// adapter from it if attached: the model then computes what model plus adapter did, at no extra cost.
    /// </summary>
    /// <exception cref="RuntimeOptionException">The model's shape differs from the adapter's base.</exception>
    public void MergeInto(Transformer model)
    {
        RequireShape(model.Config);
        var weights = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        foreach (var ((layer, target), (a, b)) in pairs)
        {
            var weight = weights[$"layers.{layer}.{LoraConfig.ModulePath(target)}.weight"];
            var change = b.detach().matmul(a.detach()).mul(Config.Scale);
            weight.add_(change.to(weight.dtype).to(weight.device));
        }

        if (ReferenceEquals(model.Adapter, this))
        {
            model.Adapter = null;
        }
    }

    /// <summary>Copies stored tensors (by <see cref="ParameterName"/>) into the adapter; <paramref name="source"/> names the file in errors.</summary>
    /// <exception cref="ModelFormatException">A tensor is missing, extra, or of another shape.</exception>
    public void LoadWeights(IReadOnlyDictionary<string, Tensor> tensors, string source)
    {
        var missing = named.Select(p => p.Name).Where(n => !tensors.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new ModelFormatException($"{source}: expected tensor \"{missing[0]}\" for this adapter config, found none ({missing.Count} missing).");
        }

        var known = named.Select(p => p.Name).ToHashSet();
        var extra = tensors.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (extra.Count > 0)
        {
            throw new ModelFormatException($"{source}: found tensor \"{extra[0]}\", which this adapter config does not have ({extra.Count} unexpected).");
        }

        using var _ = no_grad();
        foreach (var (name, parameter) in named)
        {
            var stored = tensors[name];
            if (!stored.shape.SequenceEqual(parameter.shape))
            {
                throw new ModelFormatException(
                    $"{source}: tensor \"{name}\" has shape [{string.Join(", ", stored.shape)}], but adapter_config.json and the base need [{string.Join(", ", parameter.shape)}].");
            }

            parameter.copy_(stored);
        }
    }

    /// <summary>Frees the adapter's tensors. Detach it from any model first.</summary>
    public void Dispose()
    {
        foreach (var (_, parameter) in named)
        {
            parameter.Dispose();
        }

        named.Clear();
        pairs.Clear();
        dropoutGenerator.Dispose();
    }

    private void RequireShape(ModelConfig other)
    {
        if (other.Layers != Model.Layers || other.Width != Model.Width || other.Heads != Model.Heads || other.KeyValueHeads != Model.KeyValueHeads || other.HiddenSize != Model.HiddenSize)
        {
            throw new RuntimeOptionException(
                $"The LoRA adapter was made for a model of {Model.Layers} layers, width {Model.Width}, {Model.Heads} heads ({Model.KeyValueHeads} key-value), hidden size {Model.HiddenSize}; " +
                $"this model has {other.Layers}, {other.Width}, {other.Heads} ({other.KeyValueHeads}), {other.HiddenSize}.");
        }
    }

    private static Tensor OnDevice(Tensor tensor, Device device)
    {
        if (tensor.device.type == device.type && tensor.device.index == device.index)
        {
            return tensor;
        }

        using (tensor)
        {
            return tensor.to(device);
        }
    }
}
