namespace Agents.World.Ecs;

// The arities of one callback shape live together, like System.Action.

/// <summary>A struct job for <c>World.InlineEntityQuery</c>: the JIT specialises and inlines <see cref="Update"/>.</summary>
public interface IForEachWithEntity<T0>
{
    /// <summary>Called once per matched entity with the entity and its components by reference.</summary>
    void Update(Entity entity, ref T0 c0);
}

/// <summary>A struct job for <c>World.InlineEntityQuery</c>: the JIT specialises and inlines <see cref="Update"/>.</summary>
public interface IForEachWithEntity<T0, T1>
{
    /// <summary>Called once per matched entity with the entity and its components by reference.</summary>
    void Update(Entity entity, ref T0 c0, ref T1 c1);
}

/// <summary>A struct job for <c>World.InlineEntityQuery</c>: the JIT specialises and inlines <see cref="Update"/>.</summary>
public interface IForEachWithEntity<T0, T1, T2>
{
    /// <summary>Called once per matched entity with the entity and its components by reference.</summary>
    void Update(Entity entity, ref T0 c0, ref T1 c1, ref T2 c2);
}

/// <summary>A struct job for <c>World.InlineEntityQuery</c>: the JIT specialises and inlines <see cref="Update"/>.</summary>
public interface IForEachWithEntity<T0, T1, T2, T3>
{
    /// <summary>Called once per matched entity with the entity and its components by reference.</summary>
    void Update(Entity entity, ref T0 c0, ref T1 c1, ref T2 c2, ref T3 c3);
}
