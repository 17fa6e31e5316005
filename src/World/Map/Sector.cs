namespace Agents.World.Map;

/// <summary>A top-level place ("Hobbs Cafe", "Lin family's house") holding arenas.</summary>
/// <param name="Name">Its name, unique in its map.</param>
/// <param name="Area">Its tiles; sectors do not overlap.</param>
/// <param name="Arenas">Its arenas, in the order they were added.</param>
public sealed record Sector(string Name, Rect Area, IReadOnlyList<Arena> Arenas)
{
    /// <summary>Its address, <c>sector</c>.</summary>
    public Address Address => new(Name);
}
