using MessagePack;

namespace Agents.Cognition;

/// <summary>Payload of <see cref="CognitionEvents.Plan"/>.</summary>
/// <param name="Kind">day_plan, hourly_schedule or task_decomposition.</param>
/// <param name="Text">The plan, one item a line.</param>
[MessagePackObject]
public sealed record PlanMade([property: Key(0)] string Kind, [property: Key(1)] string Text);
