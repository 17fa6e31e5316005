using MessagePack;

namespace Agents.World.Simulation;

/// <summary>Everything needed to continue a run from a step: the next step, the generator, every entity.</summary>
/// <param name="Step">The next step to run.</param>
/// <param name="RandomState">The generator's state words.</param>
/// <param name="Entities">Every live entity with its components, in the world's query order.</param>
/// <param name="FreeSlots">Free entity ids with the version each would be reused with.</param>
/// <param name="BehaviorState">The state of an <see cref="IPersistentBehavior"/>, or empty.</param>
[MessagePackObject]
public sealed record TownSnapshot(
    [property: Key(0)] long Step,
    [property: Key(1)] ulong[] RandomState,
    [property: Key(2)] IReadOnlyList<EntitySnapshot> Entities,
    [property: Key(3)] IReadOnlyList<FreeSlot> FreeSlots,
    [property: Key(4)] byte[] BehaviorState);

/// <summary>A free entity id of a snapshot's world.</summary>
/// <param name="Id">The id.</param>
/// <param name="Version">The version its next entity gets.</param>
[MessagePackObject]
public sealed record FreeSlot([property: Key(0)] int Id, [property: Key(1)] int Version);

/// <summary>One entity of a snapshot.</summary>
/// <param name="Id">Entity id.</param>
/// <param name="Version">Entity version.</param>
/// <param name="Components">Its components.</param>
[MessagePackObject]
public sealed record EntitySnapshot(
    [property: Key(0)] int Id,
    [property: Key(1)] int Version,
    [property: Key(2)] IReadOnlyList<ComponentBlob> Components);

/// <summary>One component, named by its registered type name, MessagePack-encoded.</summary>
/// <param name="Type">The registered name of the component type.</param>
/// <param name="Data">The encoded value.</param>
[MessagePackObject]
public sealed record ComponentBlob([property: Key(0)] string Type, [property: Key(1)] byte[] Data);
