namespace Agents.World.Map;

/// <summary>The answer of a path search.</summary>
/// <param name="Found">True when a path exists.</param>
/// <param name="Steps">The tiles to walk through in order, excluding the start and including the goal; empty when not found or already there. Read-only, possibly shared through the cache.</param>
/// <param name="Reason">Why no path was found (names the tiles), or null when found.</param>
public readonly record struct PathResult(bool Found, IReadOnlyList<Point> Steps, string? Reason)
{
    /// <summary>The number of steps of the path (0 when not found).</summary>
    public int Length => Steps?.Count ?? 0;

    internal static PathResult NotFound(string reason) => new(false, Array.Empty<Point>(), reason);
}
