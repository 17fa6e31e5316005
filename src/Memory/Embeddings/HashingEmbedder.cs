using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Agents.Memory.Embeddings;

/// <summary>
/// A deterministic embedder that needs no model: word unigrams, word bigrams and character trigrams (of words padded
/// with boundary marks) are hashed with signed feature hashing into a vector, which is then L2-normalised. Common
/// English function words are skipped unless the text has nothing else. The same text gives the same vector on
/// every machine and run. Stateless and thread-safe.
/// </summary>
public sealed class HashingEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The default embedding length.</summary>
    public const int DefaultDimension = 256;

    private const float UnigramWeight = 1f;
    private const float BigramWeight = 0.5f;
    private const float TrigramWordWeight = 0.6f;
    private const ulong UnigramSeed = 0x9E3779B97F4A7C15;
    private const ulong BigramSeed = 0xC2B2AE3D27D4EB4F;
    private const ulong TrigramSeed = 0x165667B19E3779F9;

    private readonly EmbeddingGeneratorMetadata metadata;

    /// <summary>Creates an embedder that writes vectors of <paramref name="dimension"/> floats.</summary>
    public HashingEmbedder(int dimension = DefaultDimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Dimension = dimension;
        metadata = new EmbeddingGeneratorMetadata("agents-hashing", null, "hashing-ngrams", dimension);
    }

    /// <summary>Length of the vectors this embedder writes by default.</summary>
    public int Dimension { get; }

    /// <summary>Embeds <paramref name="text"/> into a new array of <see cref="Dimension"/> floats.</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = new float[Dimension];
        Embed(text, vector);
        return vector;
    }

    /// <summary>
    /// Embeds <paramref name="text"/> into <paramref name="destination"/> (its length is the dimension), allocation-free.
    /// A text without letters or digits gives the zero vector.
    /// </summary>
    public void Embed(ReadOnlySpan<char> text, Span<float> destination)
    {
        if (destination.IsEmpty)
        {
            throw new ArgumentException("The destination must hold at least one float.", nameof(destination));
        }

        destination.Clear();
        if (Accumulate(text, destination, includeStopWords: false) == 0)
        {
            Accumulate(text, destination, includeStopWords: true);
        }

        float norm = TensorPrimitives.Norm(destination);
        if (norm > 0)
        {
            TensorPrimitives.Divide(destination, norm, destination);
        }
    }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        int dimension = options?.Dimensions ?? Dimension;
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (string value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vector = new float[dimension];
            Embed(value, vector);
            embeddings.Add(new Embedding<float>(vector) { ModelId = metadata.DefaultModelId, CreatedAt = null });
        }

        return Task.FromResult(embeddings);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        return serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Nothing to release.</summary>
    public void Dispose()
    {
    }

    /// <summary>Adds the features of every (content) word; returns how many words contributed.</summary>
    private static int Accumulate(ReadOnlySpan<char> text, Span<float> vector, bool includeStopWords)
    {
        int words = 0;
        ulong previous = 0;
        bool hasPrevious = false;
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            ReadOnlySpan<char> word = text[start..i];
            ulong wordHash = FeatureHash.Word(word);
            if (!includeStopWords && StopWords.Contains(wordHash))
            {
                continue;
            }

            words++;
            Add(vector, FeatureHash.Mix(wordHash ^ UnigramSeed), UnigramWeight);
            if (hasPrevious)
            {
                Add(vector, FeatureHash.Mix((previous * 31) ^ wordHash ^ BigramSeed), BigramWeight);
            }

            AddTrigrams(vector, word);
            previous = wordHash;
            hasPrevious = true;
        }

        return words;
    }

    private static void AddTrigrams(Span<float> vector, ReadOnlySpan<char> word)
    {
        // "<word>" has word.Length trigrams; their weights share one budget so long words do not dominate.
        float weight = TrigramWordWeight / MathF.Sqrt(word.Length);
        char a = '<';
        char b = char.ToLowerInvariant(word[0]);
        for (int j = 1; j <= word.Length; j++)
        {
            char c = j < word.Length ? char.ToLowerInvariant(word[j]) : '>';
            ulong hash = FeatureHash.Mix(FeatureHash.Trigram(a, b, c) ^ TrigramSeed);
            Add(vector, hash, weight);
            a = b;
            b = c;
        }
    }

    private static void Add(Span<float> vector, ulong hash, float weight)
    {
        int index = (int)(hash % (ulong)vector.Length);
        vector[index] += (hash >> 63) == 0 ? weight : -weight;
    }
}
