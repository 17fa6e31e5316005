using System.Numerics.Tensors;

namespace Agents.Memory.Retrieval;

/// <summary>
/// Exact vector search over a row-major matrix held in one contiguous float span (row i at [i * dimension, (i + 1) *
/// dimension)), with SIMD through <see cref="TensorPrimitives"/>. Stateless and thread-safe; allocates nothing.
/// </summary>
public static class VectorSearch
{
    /// <summary>Writes the dot product of <paramref name="query"/> with every row into <paramref name="destination"/>.</summary>
    public static void DotProducts(ReadOnlySpan<float> matrix, int dimension, ReadOnlySpan<float> query, Span<float> destination)
    {
        CheckShape(matrix, dimension, query, destination.Length);
        DotKernel.DotRows(matrix, dimension, query, destination);
    }

    /// <summary>Writes the cosine similarity of <paramref name="query"/> with every row (0 for a zero row or query).</summary>
    public static void CosineSimilarities(ReadOnlySpan<float> matrix, int dimension, ReadOnlySpan<float> query, Span<float> destination)
    {
        int rows = CheckShape(matrix, dimension, query, destination.Length);
        float queryNorm = TensorPrimitives.Norm(query);
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<float> row = matrix.Slice(i * dimension, dimension);
            float denominator = queryNorm * TensorPrimitives.Norm(row);
            destination[i] = denominator > 0 ? TensorPrimitives.Dot(row, query) / denominator : 0;
        }
    }

    /// <summary>
    /// Finds the <paramref name="indices"/>.Length rows most cosine-similar to <paramref name="query"/>, best first
    /// (ties: lower row first). Writes row indices and similarities; returns how many were found (fewer when the
    /// matrix has fewer rows).
    /// </summary>
    public static int TopK(ReadOnlySpan<float> matrix, int dimension, ReadOnlySpan<float> query, Span<int> indices, Span<float> similarities)
    {
        if (similarities.Length < indices.Length)
        {
            throw new ArgumentException("The similarities span must be at least as long as the indices span.", nameof(similarities));
        }

        int rows = CheckShape(matrix, dimension, query, int.MaxValue);
        float queryNorm = TensorPrimitives.Norm(query);
        Span<double> heapScores = indices.Length <= 256 ? stackalloc double[indices.Length] : new double[indices.Length];
        var selector = new TopKSelector(indices, heapScores);
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<float> row = matrix.Slice(i * dimension, dimension);
            float denominator = queryNorm * TensorPrimitives.Norm(row);
            selector.Offer(i, denominator > 0 ? TensorPrimitives.Dot(row, query) / denominator : 0);
        }

        int found = selector.SortBestFirst();
        for (int i = 0; i < found; i++)
        {
            similarities[i] = (float)heapScores[i];
        }

        return found;
    }

    private static int CheckShape(ReadOnlySpan<float> matrix, int dimension, ReadOnlySpan<float> query, int destinationLength)
    {
        if (dimension <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The dimension must be positive.");
        }

        if (matrix.Length % dimension != 0)
        {
            throw new ArgumentException($"The matrix has {matrix.Length} floats, not a multiple of the dimension {dimension}.", nameof(matrix));
        }

        if (query.Length != dimension)
        {
            throw new ArgumentException($"The query has {query.Length} floats; expected the dimension {dimension}.", nameof(query));
        }

        int rows = matrix.Length / dimension;
        if (destinationLength < rows)
        {
            throw new ArgumentException($"The destination holds {destinationLength} values; the matrix has {rows} rows.", "destination");
        }

        return rows;
    }
}
