namespace Agents.World.Map;

/// <summary>
/// The scratch arrays of one A* search, reused across searches: a generation stamp marks which entries belong to
/// the current search, so nothing is cleared between searches. Used by one thread at a time.
/// </summary>
internal sealed class SearchState
{
    private int _generation;

    public SearchState(int tiles)
    {
        Cost = new int[tiles];
        Parent = new int[tiles];
        Seen = new int[tiles];
        Closed = new int[tiles];
        Goal = new int[tiles];
        Heap = new NodeHeap(64);
    }

    /// <summary>Best known cost from the start; valid where <see cref="Seen"/> equals the generation.</summary>
    public int[] Cost { get; }

    /// <summary>Tile the best known path arrives from.</summary>
    public int[] Parent { get; }

    /// <summary>Generation in which the tile was last reached.</summary>
    public int[] Seen { get; }

    /// <summary>Generation in which the tile was last expanded.</summary>
    public int[] Closed { get; }

    /// <summary>Generation in which the tile was last marked a goal.</summary>
    public int[] Goal { get; }

    /// <summary>The open list.</summary>
    public NodeHeap Heap { get; }

    /// <summary>The current generation.</summary>
    public int Generation => _generation;

    /// <summary>Starts a new search: every stamp of earlier searches becomes stale.</summary>
    public int Begin()
    {
        Heap.Clear();
        if (++_generation == int.MaxValue)
        {
            Array.Clear(Seen);
            Array.Clear(Closed);
            Array.Clear(Goal);
            _generation = 1;
        }

        return _generation;
    }
}
