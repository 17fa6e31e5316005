using Agents.World.Map;

namespace Agents.World.Scenarios;

/// <summary>
/// One item of an agent's daily routine (YAML <c>{ at: "08:00", do: open the cafe, place: "Hobbs Cafe:cafe:counter" }</c>).
/// Routines are sorted by <see cref="At"/>; an item runs until the next one starts (the last one until the first of the next day).
/// </summary>
/// <param name="At">The time of day the item starts.</param>
/// <param name="Activity">What the agent does, in words.</param>
/// <param name="Place">Where the agent does it; an existing place reachable from the agent's start.</param>
public sealed record RoutineItem(TimeOnly At, string Activity, Address Place);
