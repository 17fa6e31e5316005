using System.Numerics.Tensors;
using Agents.Memory.Retrieval;
using CsCheck;

namespace Agents.Memory.Tests.Retrieval;

public sealed class VectorSearchTests
{
    [Fact]
    public void Top_k_agrees_with_sorting_every_cosine()
    {
        var gen = from dimension in Gen.Int[1, 40]
                  from rows in Gen.Int[0, 120]
                  from matrix in Gen.Int[-4, 4].Select(x => (float)x).Array[rows * dimension]
                  from query in Gen.Int[-4, 4].Select(x => (float)x).Array[dimension]
                  from k in Gen.Int[1, 20]
                  select (dimension, matrix, query, k);

        gen.Sample(t =>
        {
            int rows = t.matrix.Length / t.dimension;
            var all = new float[rows];
            VectorSearch.CosineSimilarities(t.matrix, t.dimension, t.query, all);
            int[] expected = [.. Enumerable.Range(0, rows).OrderByDescending(i => all[i]).ThenBy(i => i).Take(t.k)];

            var indices = new int[t.k];
            var scores = new float[t.k];
            int found = VectorSearch.TopK(t.matrix, t.dimension, t.query, indices, scores);

            Assert.Equal(expected, indices[..found]);
            Assert.Equal(expected.Select(i => all[i]), scores[..found]);
        }, iter: 300);
    }

    [Fact]
    public void Dot_products_equal_the_per_row_dot_for_every_dimension_and_row_count()
    {
        // Small integers make every product and sum exact, so the SIMD kernels (AVX-512, AVX2, fallback) must agree exactly.
        var gen = from dimension in Gen.Int[1, 70]
                  from rows in Gen.Int[0, 13]
                  from matrix in Gen.Int[-4, 4].Select(x => (float)x).Array[rows * dimension]
                  from query in Gen.Int[-4, 4].Select(x => (float)x).Array[dimension]
                  select (dimension, matrix, query);

        gen.Sample(t =>
        {
            int rows = t.matrix.Length / t.dimension;
            var actual = new float[rows + 1];
            actual[rows] = 12345;
            VectorSearch.DotProducts(t.matrix, t.dimension, t.query, actual);

            float[] expected = [.. Enumerable.Range(0, rows).Select(i => TensorPrimitives.Dot(t.matrix.AsSpan(i * t.dimension, t.dimension), t.query)), 12345];
            Assert.Equal(expected, actual);
        }, iter: 500);
    }

    [Fact]
    public void Cosine_of_a_zero_row_or_query_is_zero_and_parallel_rows_score_one()
    {
        float[] matrix = [0, 0, 3, 4, -3, -4];
        var cosines = new float[3];

        VectorSearch.CosineSimilarities(matrix, 2, [6, 8], cosines);
        Assert.Equal([0f, 1f, -1f], cosines);

        VectorSearch.CosineSimilarities(matrix, 2, [0, 0], cosines);
        Assert.Equal([0f, 0f, 0f], cosines);
    }

    [Fact]
    public void Mismatched_shapes_are_rejected_with_the_sizes_named()
    {
        var error = Assert.Throws<ArgumentException>(() => VectorSearch.DotProducts(new float[6], 4, new float[4], new float[2]));
        Assert.Contains("6", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => VectorSearch.DotProducts(new float[6], 3, new float[2], new float[2]));
        Assert.Throws<ArgumentException>(() => VectorSearch.DotProducts(new float[6], 3, new float[3], new float[1]));
    }
}
