namespace Agents.World.Map;

/// <summary>A named tile where agents may start.</summary>
/// <param name="Name">The spawn's name, unique in its map.</param>
/// <param name="Position">The (walkable) tile.</param>
public sealed record SpawnPoint(string Name, Point Position);
