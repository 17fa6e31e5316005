namespace Agents.World.Map;

/// <summary>
/// The bounding box of a search's goal tiles. The Manhattan distance to it is the A* heuristic: exact for one goal,
/// and for many still admissible (no goal is nearer) and consistent (it changes by at most 1 per step).
/// </summary>
internal readonly struct GoalBox
{
    private readonly int _minX;
    private readonly int _minY;
    private readonly int _maxX;
    private readonly int _maxY;

    private GoalBox(int minX, int minY, int maxX, int maxY)
    {
        _minX = minX;
        _minY = minY;
        _maxX = maxX;
        _maxY = maxY;
    }

    /// <summary>A box holding no tile yet.</summary>
    public static GoalBox Empty => new(int.MaxValue, int.MaxValue, int.MinValue, int.MinValue);

    /// <summary>The smallest box holding this one and the tile.</summary>
    public GoalBox Including(Point p) => new(Math.Min(_minX, p.X), Math.Min(_minY, p.Y), Math.Max(_maxX, p.X), Math.Max(_maxY, p.Y));

    /// <summary>The number of 4-neighbour steps from the tile to the nearest tile of the box, ignoring walls.</summary>
    public int DistanceFrom(int x, int y) =>
        Math.Max(0, Math.Max(_minX - x, x - _maxX)) + Math.Max(0, Math.Max(_minY - y, y - _maxY));
}
