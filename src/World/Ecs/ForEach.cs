namespace Agents.World.Ecs;

// The arities of one callback shape live together, like System.Action.

/// <summary>A query callback over the matched entities themselves.</summary>
public delegate void ForEach(Entity entity);

/// <summary>A query callback receiving 1 component by reference.</summary>
public delegate void ForEach<T0>(ref T0 c0);

/// <summary>A query callback receiving 2 components by reference.</summary>
public delegate void ForEach<T0, T1>(ref T0 c0, ref T1 c1);

/// <summary>A query callback receiving 3 components by reference.</summary>
public delegate void ForEach<T0, T1, T2>(ref T0 c0, ref T1 c1, ref T2 c2);

/// <summary>A query callback receiving 4 components by reference.</summary>
public delegate void ForEach<T0, T1, T2, T3>(ref T0 c0, ref T1 c1, ref T2 c2, ref T3 c3);
