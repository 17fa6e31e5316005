namespace Agents.World.Map;

/// <summary>An axis-aligned rectangle of tiles: columns <c>X .. X+Width-1</c>, rows <c>Y .. Y+Height-1</c>.</summary>
/// <param name="X">Left column.</param>
/// <param name="Y">Top row.</param>
/// <param name="Width">Number of columns; a rectangle with no columns or rows contains nothing.</param>
/// <param name="Height">Number of rows.</param>
public readonly record struct Rect(int X, int Y, int Width, int Height)
{
    /// <summary>One past the rightmost column.</summary>
    public int Right => X + Width;

    /// <summary>One past the bottom row.</summary>
    public int Bottom => Y + Height;

    /// <summary>True when the rectangle has no tiles.</summary>
    public bool IsEmpty => Width <= 0 || Height <= 0;

    /// <summary>True when the tile lies inside the rectangle.</summary>
    public bool Contains(Point p) => p.X >= X && p.X < Right && p.Y >= Y && p.Y < Bottom;

    /// <summary>True when every tile of <paramref name="r"/> lies inside this rectangle (an empty one never does).</summary>
    public bool Contains(Rect r) =>
        !r.IsEmpty && !IsEmpty && r.X >= X && r.Y >= Y && r.Right <= Right && r.Bottom <= Bottom;

    /// <summary>True when the two rectangles share at least one tile.</summary>
    public bool Intersects(Rect r) =>
        !r.IsEmpty && !IsEmpty && r.X < Right && X < r.Right && r.Y < Bottom && Y < r.Bottom;

    /// <summary>The tiles of the rectangle, row by row from the top left.</summary>
    public IEnumerable<Point> Points()
    {
        for (int y = Y; y < Bottom; y++)
        {
            for (int x = X; x < Right; x++)
            {
                yield return new Point(x, y);
            }
        }
    }

    /// <summary>Formats as <c>x,y widthxheight</c>, the form error messages use.</summary>
    public override string ToString() => $"({X},{Y} {Width}x{Height})";
}
