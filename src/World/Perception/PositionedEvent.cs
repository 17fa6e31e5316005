using Agents.World.Map;

namespace Agents.World.Perception;

/// <summary>An event and the tile it happens on.</summary>
/// <param name="At">The tile.</param>
/// <param name="Event">The event.</param>
public readonly record struct PositionedEvent(Point At, TileEvent Event);
