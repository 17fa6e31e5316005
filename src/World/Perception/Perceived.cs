using Agents.World.Map;

namespace Agents.World.Perception;

/// <summary>An event an agent noticed, where it happened and how far from the agent (Euclidean, in tiles).</summary>
/// <param name="Event">The event.</param>
/// <param name="At">The tile it happens on.</param>
/// <param name="Distance">The straight-line distance from the viewer's tile.</param>
public readonly record struct Perceived(TileEvent Event, Point At, double Distance);
