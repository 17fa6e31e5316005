namespace Agents.World.Map;

/// <summary>What a tile is: a kind name ("wall", "floor", "grass", "road", "water", ...) and whether agents may walk on it.</summary>
/// <param name="Kind">The kind name renderers and scenario files use.</param>
/// <param name="Walkable">True when agents may stand on and pass through the tile.</param>
public sealed record TileLegend(string Kind, bool Walkable)
{
    /// <summary>The tile every <see cref="MapBuilder"/> starts with.</summary>
    public static TileLegend Floor { get; } = new("floor", true);

    /// <summary>A blocking wall tile.</summary>
    public static TileLegend Wall { get; } = new("wall", false);
}
