namespace Agents.World.Ecs;

/// <summary>A cached edge between archetypes for adding or removing one component.</summary>
/// <param name="Target">The archetype an entity moves to.</param>
/// <param name="ColumnMap">For each column of the source archetype, the target column it is copied to, or -1 when dropped.</param>
internal sealed record Transition(Archetype Target, int[] ColumnMap);
