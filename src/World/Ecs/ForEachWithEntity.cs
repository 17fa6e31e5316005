namespace Agents.World.Ecs;

// The arities of one callback shape live together, like System.Action.

/// <summary>A query callback receiving the entity and 1 component by reference.</summary>
public delegate void ForEachWithEntity<T0>(Entity entity, ref T0 c0);

/// <summary>A query callback receiving the entity and 2 components by reference.</summary>
public delegate void ForEachWithEntity<T0, T1>(Entity entity, ref T0 c0, ref T1 c1);

/// <summary>A query callback receiving the entity and 3 components by reference.</summary>
public delegate void ForEachWithEntity<T0, T1, T2>(Entity entity, ref T0 c0, ref T1 c1, ref T2 c2);

/// <summary>A query callback receiving the entity and 4 components by reference.</summary>
public delegate void ForEachWithEntity<T0, T1, T2, T3>(Entity entity, ref T0 c0, ref T1 c1, ref T2 c2, ref T3 c3);
