namespace Agents.Memory;

/// <summary>
/// Append-only row storage for embeddings in contiguous chunks (64 rows, doubling up to 4,096). A chunk never moves,
/// so a record's embedding stays a view into it, and search runs over a few large contiguous spans.
/// </summary>
internal sealed class EmbeddingRows
{
    private const int FirstChunkRows = 64;
    private const int MaxChunkRows = 4096;

    private readonly List<float[]> chunks = [];
    private readonly List<int> chunkUsedRows = [];

    public EmbeddingRows(int dimension) => Dimension = dimension;

    public int Dimension { get; }

    public int Count { get; private set; }

    public int ChunkCount => chunks.Count;

    /// <summary>Copies <paramref name="row"/> in and returns the view of the stored copy.</summary>
    public ReadOnlyMemory<float> Add(ReadOnlySpan<float> row)
    {
        int last = chunks.Count - 1;
        if (last < 0 || chunkUsedRows[last] * Dimension == chunks[last].Length)
        {
            int rows = last < 0 ? FirstChunkRows : Math.Min(MaxChunkRows, 2 * chunks[last].Length / Dimension);
            chunks.Add(new float[rows * Dimension]);
            chunkUsedRows.Add(0);
            last++;
        }

        int offset = chunkUsedRows[last] * Dimension;
        row.CopyTo(chunks[last].AsSpan(offset, Dimension));
        chunkUsedRows[last]++;
        Count++;
        return new ReadOnlyMemory<float>(chunks[last], offset, Dimension);
    }

    /// <summary>The filled rows of chunk <paramref name="chunk"/>, row-major.</summary>
    public ReadOnlySpan<float> Chunk(int chunk) => chunks[chunk].AsSpan(0, chunkUsedRows[chunk] * Dimension);
}
