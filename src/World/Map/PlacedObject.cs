namespace Agents.World.Map;

/// <summary>A game object ("stove", "bed") on one tile of an arena, with its state when the map is loaded.</summary>
/// <param name="Address">Its full address, <c>sector:arena:object</c>.</param>
/// <param name="Position">The tile it stands on; that tile may be blocked (a counter), agents then use its walkable neighbours.</param>
/// <param name="InitialState">Its state at the start ("idle", "brewing coffee").</param>
public sealed record PlacedObject(Address Address, Point Position, string InitialState);
