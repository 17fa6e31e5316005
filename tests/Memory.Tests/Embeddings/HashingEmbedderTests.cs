using System.Numerics.Tensors;
using Agents.Memory.Embeddings;
using Microsoft.Extensions.AI;

namespace Agents.Memory.Tests.Embeddings;

public sealed class HashingEmbedderTests
{
    // Each text, its paraphrase; every other paraphrase in the set is unrelated to it.
    public static readonly TheoryData<string, string> Paraphrases = new()
    {
        { "Isabella Rodriguez is brewing coffee at Hobbs Cafe", "Isabella brews fresh coffee in the Hobbs Cafe kitchen" },
        { "Klaus Mueller is writing a research paper on gentrification", "Klaus is working on his paper about gentrification" },
        { "Maria Lopez is studying physics at the library", "Maria studies for her physics exam in the library" },
        { "Sam Moore is running for mayor of the town", "Sam announced he is running in the mayoral election" },
        { "Tom is planning a Valentine's Day party", "Tom plans the Valentine's Day party at the cafe" },
        { "the stove is idle", "the kitchen stove stands idle" },
        { "going to bed and sleeping", "goes to sleep in bed" },
        { "painting a landscape in the art studio", "paints landscapes at the studio" },
    };

    private static readonly HashingEmbedder Embedder = new();

    [Theory]
    [MemberData(nameof(Paraphrases))]
    public void A_paraphrase_ranks_above_every_unrelated_text(string text, string paraphrase)
    {
        float[] query = Embedder.Embed(text);
        float own = TensorPrimitives.CosineSimilarity(query, Embedder.Embed(paraphrase));

        foreach (string other in Paraphrases.Select(row => (string)row[1]).Where(p => p != paraphrase))
        {
            float unrelated = TensorPrimitives.CosineSimilarity(query, Embedder.Embed(other));
            Assert.True(own > unrelated, $"'{text}': paraphrase {own:F3} <= unrelated '{other}' {unrelated:F3}");
        }
    }

    [Fact]
    public void Embeddings_are_deterministic_unit_length_and_ignore_case()
    {
        float[] a = Embedder.Embed("Isabella is brewing coffee");
        float[] b = new HashingEmbedder().Embed("ISABELLA IS BREWING COFFEE");

        Assert.Equal(a, b);
        Assert.Equal(HashingEmbedder.DefaultDimension, a.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(a), 1e-5f);
    }

    [Fact]
    public void Embeddings_are_the_same_on_every_machine()
    {
        // Pinned values: a change here changes every stored embedding and retrieval in existing runs.
        float[] v = new HashingEmbedder(8).Embed("coffee at the cafe");

        Assert.Equal("-0.6081,-0.2979,0.0335,0.1824,-0.1490,-0.0335,0.3375,-0.6081", string.Join(",", v.Select(x => x.ToString("F4", System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Word_order_matters_through_bigrams_but_little()
    {
        float[] a = Embedder.Embed("coffee shop owner");
        float[] b = Embedder.Embed("owner shop coffee");

        float similarity = TensorPrimitives.CosineSimilarity(a, b);
        Assert.InRange(similarity, 0.6f, 0.999f);
    }

    [Fact]
    public void Text_without_words_is_the_zero_vector_and_stop_words_alone_still_count()
    {
        Assert.All(Embedder.Embed(" ... !? "), x => Assert.Equal(0f, x));
        Assert.Equal(1f, TensorPrimitives.Norm(Embedder.Embed("it is")), 1e-5f);
    }

    [Fact]
    public async Task Generate_async_matches_the_synchronous_embedding_and_honours_dimensions()
    {
        IEmbeddingGenerator<string, Embedding<float>> generator = new HashingEmbedder(64);

        GeneratedEmbeddings<Embedding<float>> result = await generator.GenerateAsync(["a red apple", "the cafe"]);
        GeneratedEmbeddings<Embedding<float>> wide = await generator.GenerateAsync(["a red apple"], new EmbeddingGenerationOptions { Dimensions = 32 });

        Assert.Equal(2, result.Count);
        Assert.Equal(new HashingEmbedder(64).Embed("a red apple"), result[0].Vector.ToArray());
        Assert.Equal(new HashingEmbedder(32).Embed("a red apple"), wide[0].Vector.ToArray());
        Assert.Equal(64, generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions);
    }
}
