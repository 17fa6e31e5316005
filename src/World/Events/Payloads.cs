using MessagePack;

namespace Agents.World.Events;

/// <summary>Payload of <see cref="EventKinds.Activity"/>.</summary>
/// <param name="Description">What the agent does.</param>
/// <param name="Address">Where.</param>
[MessagePackObject]
public sealed record ActivityStarted([property: Key(0)] string Description, [property: Key(1)] string Address);

/// <summary>Payload of <see cref="EventKinds.Path"/>: the whole path, so a replay knows every position.</summary>
/// <param name="Destination">The address walked to.</param>
/// <param name="Path">Tiles as packed (x, y) pairs, excluding the start.</param>
[MessagePackObject]
public sealed record PathStarted([property: Key(0)] string Destination, [property: Key(1)] int[] Path);

/// <summary>Payload of <see cref="EventKinds.PathFailed"/>.</summary>
/// <param name="Destination">The address that could not be reached.</param>
/// <param name="Reason">Why.</param>
[MessagePackObject]
public sealed record PathFailed([property: Key(0)] string Destination, [property: Key(1)] string Reason);

/// <summary>Payload of <see cref="EventKinds.Arrive"/>.</summary>
/// <param name="Address">The address reached.</param>
[MessagePackObject]
public sealed record Arrived([property: Key(0)] string Address);

/// <summary>Payload of <see cref="EventKinds.Enter"/>.</summary>
/// <param name="Place">The sector:arena entered, or empty for the street.</param>
[MessagePackObject]
public sealed record PlaceEntered([property: Key(0)] string Place);

/// <summary>Payload of <see cref="EventKinds.Object"/>.</summary>
/// <param name="Address">The object.</param>
/// <param name="State">Its new state.</param>
[MessagePackObject]
public sealed record ObjectChanged([property: Key(0)] string Address, [property: Key(1)] string State);

/// <summary>Payload of <see cref="EventKinds.Perceive"/>.</summary>
/// <param name="Subject">Who or what.</param>
/// <param name="Predicate">The verb.</param>
/// <param name="Object">What.</param>
/// <param name="Description">The event in words.</param>
/// <param name="X">Column where it happened.</param>
/// <param name="Y">Row where it happened.</param>
[MessagePackObject]
public sealed record Perceived(
    [property: Key(0)] string Subject,
    [property: Key(1)] string Predicate,
    [property: Key(2)] string Object,
    [property: Key(3)] string Description,
    [property: Key(4)] int X,
    [property: Key(5)] int Y);
