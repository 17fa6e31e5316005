namespace Agents.World.Map;

/// <summary>What one A* search knows about one tile; kept together so a visit touches one cache line.</summary>
internal struct SearchNode
{
    /// <summary>Best known cost from the start; valid when <see cref="Seen"/> is the current generation.</summary>
    public int Cost;

    /// <summary>The tile the best known path arrives from.</summary>
    public int Parent;

    /// <summary>The generation of the search that last reached the tile.</summary>
    public int Seen;

    /// <summary>The generation of the search that last marked the tile a goal.</summary>
    public int Goal;
}
