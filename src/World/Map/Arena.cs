namespace Agents.World.Map;

/// <summary>A room or area inside a sector ("kitchen" in "Hobbs Cafe"), holding objects.</summary>
/// <param name="Sector">The name of the sector it belongs to.</param>
/// <param name="Name">Its name, unique within its sector.</param>
/// <param name="Area">Its tiles; inside its sector's area.</param>
/// <param name="Objects">Its objects, in the order they were added.</param>
public sealed record Arena(string Sector, string Name, Rect Area, IReadOnlyList<PlacedObject> Objects)
{
    /// <summary>Its address, <c>sector:arena</c>.</summary>
    public Address Address => new(Sector, Name);
}
