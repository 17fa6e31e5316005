namespace Agents.World.Map;

/// <summary>A tile coordinate: <see cref="X"/> grows to the right, <see cref="Y"/> grows downwards.</summary>
/// <param name="X">Column, 0 at the left edge.</param>
/// <param name="Y">Row, 0 at the top edge.</param>
public readonly record struct Point(int X, int Y)
{
    /// <summary>The number of 4-neighbour steps between this tile and <paramref name="other"/> on an open grid.</summary>
    public int ManhattanTo(Point other) => Math.Abs(X - other.X) + Math.Abs(Y - other.Y);

    /// <summary>The larger of the horizontal and vertical distances (the square "radius" between two tiles).</summary>
    public int ChebyshevTo(Point other) => Math.Max(Math.Abs(X - other.X), Math.Abs(Y - other.Y));

    /// <summary>The straight-line distance between the tile centres.</summary>
    public double EuclideanTo(Point other)
    {
        double dx = X - other.X, dy = Y - other.Y;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    /// <summary>Formats as <c>(x,y)</c>, the form error messages use.</summary>
    public override string ToString() => $"({X},{Y})";
}
