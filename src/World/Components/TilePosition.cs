using MessagePack;

namespace Agents.World.Components;

/// <summary>Where an entity stands on the tile grid.</summary>
[MessagePackObject]
public struct TilePosition
{
    /// <summary>Column, from the left.</summary>
    [Key(0)]
    public int X;

    /// <summary>Row, from the top.</summary>
    [Key(1)]
    public int Y;

    /// <summary>Creates the component.</summary>
    public TilePosition(int x, int y) => (X, Y) = (x, y);

    /// <summary>The position as a map point.</summary>
    [IgnoreMember]
    public readonly Map.Point Point => new(X, Y);
}
