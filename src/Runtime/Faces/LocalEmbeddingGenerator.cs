using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using Agents.Runtime.Tokenization;
using Microsoft.Extensions.AI;
using static TorchSharp.torch;

namespace Agents.Runtime.Faces;

/// <summary>
/// Embeddings from the local model: the mean of the final-norm hidden states over a text's tokens (truncated to the
/// context length), L2-normalised. Runs on the model thread; thread-safe; borrows the thread, model and tokenizer.
/// </summary>
public sealed class LocalEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly ModelThread thread;
    private readonly Transformer model;
    private readonly ChatTokenizer tokenizer;
    private readonly EmbeddingGeneratorMetadata metadata;

    /// <summary>A generator over <paramref name="model"/>, reporting <paramref name="modelId"/>.</summary>
    public LocalEmbeddingGenerator(ModelThread thread, Transformer model, ChatTokenizer tokenizer, string modelId = "local")
    {
        this.thread = thread;
        this.model = model;
        this.tokenizer = tokenizer;
        ModelId = modelId;
        metadata = new EmbeddingGeneratorMetadata("agents-runtime", null, modelId, model.Config.Width);
    }

    /// <summary>The model id reported with each embedding.</summary>
    public string ModelId { get; }

    /// <summary>Length of every embedding (the model width).</summary>
    public int Dimensions => model.Config.Width;

    /// <summary>Tokens each text is encoded to (truncated to the context length), for usage counts.</summary>
    public int CountTokens(string text) => Math.Clamp(tokenizer.Encode(text).Length, 1, model.Config.ContextLength);

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        var ids = texts.Select(Encode).ToList();
        var vectors = await thread.RunAsync(() => ids.Select(Embed).ToList(), cancellationToken).ConfigureAwait(false);
        var created = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId, CreatedAt = created }))
        {
            Usage = new UsageDetails { InputTokenCount = ids.Sum(i => i.Length), TotalTokenCount = ids.Sum(i => i.Length) },
        };
        return result;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <summary>Nothing to free: the model belongs to the caller.</summary>
    public void Dispose()
    {
    }

    private long[] Encode(string text)
    {
        var ids = tokenizer.Encode(text);
        return ids.Length == 0 ? [tokenizer.EndOfText] : ids.Take(model.Config.ContextLength).Select(i => (long)i).ToArray();
    }

    private float[] Embed(long[] ids)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        model.eval();
        var hidden = model.Hidden(tensor(ids).to(model.parameters().First().device).unsqueeze(0)).to(ScalarType.Float32)[0].mean([0]);
        var unit = hidden / hidden.norm().clamp_min(1e-12);
        return unit.cpu().data<float>().ToArray();
    }
}
