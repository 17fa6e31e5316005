namespace Agents.World.Map;

/// <summary>
/// The scratch memory of one A* search, reused across searches: a generation stamp marks which entries belong to
/// the current search, so nothing is cleared between searches. Used by one thread at a time.
/// </summary>
internal sealed class SearchState
{
    public SearchState(int tiles)
    {
        Nodes = new SearchNode[tiles];
        Heap = new NodeHeap(256);
        Stack = new int[tiles];
    }

    /// <summary>Per-tile search records.</summary>
    public SearchNode[] Nodes { get; }

    /// <summary>The open list for tiles whose estimate is above the current one.</summary>
    public NodeHeap Heap { get; }

    /// <summary>
    /// The open tiles whose estimate equals the current one, deepest on top (each tile enters at most once per search).
    /// </summary>
    public int[] Stack { get; }

    /// <summary>The current generation.</summary>
    public int Generation { get; private set; }

    /// <summary>Starts a new search: every stamp of earlier searches becomes stale.</summary>
    public int Begin()
    {
        Heap.Clear();
        if (Generation == int.MaxValue - 1)
        {
            Array.Clear(Nodes);
            Generation = 0;
        }

        return ++Generation;
    }
}
