namespace Agents.World.Map;

/// <summary>An object of a Tiled object layer, converted to tiles.</summary>
/// <param name="Layer">The name of its layer.</param>
/// <param name="Id">Its Tiled id.</param>
/// <param name="Name">Its name ("" when unnamed).</param>
/// <param name="IsPoint">True for a point object.</param>
/// <param name="Area">The tiles it covers (1x1 at the point for a point object).</param>
/// <param name="Properties">Its custom properties.</param>
internal sealed record TiledObject(string Layer, int Id, string Name, bool IsPoint, Rect Area, Dictionary<string, string> Properties)
{
    /// <summary>The tile that stands for the object: the point, or the centre of the rectangle.</summary>
    public Point Anchor => IsPoint ? new Point(Area.X, Area.Y) : new Point(Area.X + ((Area.Width - 1) / 2), Area.Y + ((Area.Height - 1) / 2));

    /// <summary>How the builder's messages name it: layer and id.</summary>
    public string Origin => $"layer '{Layer}', object {Id}";

    /// <summary>How error messages name it: layer, id and name.</summary>
    public string Where => Name.Length > 0 ? $"layer '{Layer}', object {Id} '{Name}'" : $"layer '{Layer}', object {Id}";
}
