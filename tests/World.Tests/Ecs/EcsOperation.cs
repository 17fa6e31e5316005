namespace Agents.World.Tests.Ecs;

/// <summary>One step of a random operation sequence checked against <see cref="EcsModel"/>.</summary>
public abstract record EcsOperation;

/// <summary>Create an entity with the components in <paramref name="Mask"/>; <paramref name="Via"/> picks the API path.</summary>
public sealed record CreateOperation(int Mask, int Value, int Via) : EcsOperation;

/// <summary>Destroy the handle at <paramref name="Pick"/> (modulo the handles issued so far; it may be dead).</summary>
public sealed record DestroyOperation(int Pick) : EcsOperation;

/// <summary>Add component <paramref name="Type"/> to a picked handle.</summary>
public sealed record AddOperation(int Pick, int Type, int Value) : EcsOperation;

/// <summary>Remove component <paramref name="Type"/> from a picked handle.</summary>
public sealed record RemoveOperation(int Pick, int Type) : EcsOperation;

/// <summary>Set component <paramref name="Type"/> on a picked handle.</summary>
public sealed record SetOperation(int Pick, int Type, int Value) : EcsOperation;

/// <summary>Query by component masks and compare matches and values.</summary>
public sealed record QueryOperation(int All, int Any, int None) : EcsOperation;
