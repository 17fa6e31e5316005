namespace Agents.World.Events;

/// <summary>One row of the event log: what happened to which entity at which step.</summary>
/// <param name="Step">The step during which it happened.</param>
/// <param name="Time">Game time of that step.</param>
/// <param name="Entity">Id of the entity it happened to.</param>
/// <param name="Kind">The event kind (see <see cref="EventKinds"/>).</param>
/// <param name="Payload">The kind's payload, MessagePack-encoded.</param>
public sealed record WorldEvent(long Step, DateTime Time, int Entity, string Kind, byte[] Payload);
