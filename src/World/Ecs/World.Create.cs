namespace Agents.World.Ecs;

/// <content>Creating entities with typed components, one overload per arity.</content>
public sealed partial class World
{
    /// <summary>Creates an entity with 1 component (of distinct struct types).</summary>
    /// <exception cref="DuplicateComponentException">Two of the types are the same.</exception>
    /// <exception cref="StructuralChangeException">A query is iterating the world.</exception>
    public Entity Create<T0>(in T0 c0)
        where T0 : struct
    {
        GuardStructuralChange("create an entity", Entity.Null);
        var archetype = ArchetypeForCreate(ComponentSet<T0>.Ids, ComponentSet<T0>.Duplicate);
        var entity = CreateIn(archetype, out int row);
        archetype.Items<T0>(archetype.ColumnOf(ComponentId<T0>.Value))[row] = c0;
        return entity;
    }

    /// <summary>Creates an entity with 2 components (of distinct struct types).</summary>
    /// <exception cref="DuplicateComponentException">Two of the types are the same.</exception>
    /// <exception cref="StructuralChangeException">A query is iterating the world.</exception>
    public Entity Create<T0, T1>(in T0 c0, in T1 c1)
        where T0 : struct
        where T1 : struct
    {
        GuardStructuralChange("create an entity", Entity.Null);
        var archetype = ArchetypeForCreate(ComponentSet<T0, T1>.Ids, ComponentSet<T0, T1>.Duplicate);
        var entity = CreateIn(archetype, out int row);
        archetype.Items<T0>(archetype.ColumnOf(ComponentId<T0>.Value))[row] = c0;
        archetype.Items<T1>(archetype.ColumnOf(ComponentId<T1>.Value))[row] = c1;
        return entity;
    }

    /// <summary>Creates an entity with 3 components (of distinct struct types).</summary>
    /// <exception cref="DuplicateComponentException">Two of the types are the same.</exception>
    /// <exception cref="StructuralChangeException">A query is iterating the world.</exception>
    public Entity Create<T0, T1, T2>(in T0 c0, in T1 c1, in T2 c2)
        where T0 : struct
        where T1 : struct
        where T2 : struct
    {
        GuardStructuralChange("create an entity", Entity.Null);
        var archetype = ArchetypeForCreate(ComponentSet<T0, T1, T2>.Ids, ComponentSet<T0, T1, T2>.Duplicate);
        var entity = CreateIn(archetype, out int row);
        archetype.Items<T0>(archetype.ColumnOf(ComponentId<T0>.Value))[row] = c0;
        archetype.Items<T1>(archetype.ColumnOf(ComponentId<T1>.Value))[row] = c1;
        archetype.Items<T2>(archetype.ColumnOf(ComponentId<T2>.Value))[row] = c2;
        return entity;
    }

    /// <summary>Creates an entity with 4 components (of distinct struct types).</summary>
    /// <exception cref="DuplicateComponentException">Two of the types are the same.</exception>
    /// <exception cref="StructuralChangeException">A query is iterating the world.</exception>
    public Entity Create<T0, T1, T2, T3>(in T0 c0, in T1 c1, in T2 c2, in T3 c3)
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct
    {
        GuardStructuralChange("create an entity", Entity.Null);
        var archetype = ArchetypeForCreate(ComponentSet<T0, T1, T2, T3>.Ids, ComponentSet<T0, T1, T2, T3>.Duplicate);
        var entity = CreateIn(archetype, out int row);
        archetype.Items<T0>(archetype.ColumnOf(ComponentId<T0>.Value))[row] = c0;
        archetype.Items<T1>(archetype.ColumnOf(ComponentId<T1>.Value))[row] = c1;
        archetype.Items<T2>(archetype.ColumnOf(ComponentId<T2>.Value))[row] = c2;
        archetype.Items<T3>(archetype.ColumnOf(ComponentId<T3>.Value))[row] = c3;
        return entity;
    }

    /// <summary>Creates an entity with 5 components (of distinct struct types).</summary>
    /// <exception cref="DuplicateComponentException">Two of the types are the same.</exception>
    /// <exception cref="StructuralChangeException">A query is iterating the world.</exception>
    public Entity Create<T0, T1, T2, T3, T4>(in T0 c0, in T1 c1, in T2 c2, in T3 c3, in T4 c4)
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct
        where T4 : struct
    {
        GuardStructuralChange("create an entity", Entity.Null);
        var archetype = ArchetypeForCreate(ComponentSet<T0, T1, T2, T3, T4>.Ids, ComponentSet<T0, T1, T2, T3, T4>.Duplicate);
        var entity = CreateIn(archetype, out int row);
        archetype.Items<T0>(archetype.ColumnOf(ComponentId<T0>.Value))[row] = c0;
        archetype.Items<T1>(archetype.ColumnOf(ComponentId<T1>.Value))[row] = c1;
        archetype.Items<T2>(archetype.ColumnOf(ComponentId<T2>.Value))[row] = c2;
        archetype.Items<T3>(archetype.ColumnOf(ComponentId<T3>.Value))[row] = c3;
        archetype.Items<T4>(archetype.ColumnOf(ComponentId<T4>.Value))[row] = c4;
        return entity;
    }

    /// <summary>Creates an entity with 6 components (of distinct struct types).</summary>
    /// <exception cref="DuplicateComponentException">Two of the types are the same.</exception>
    /// <exception cref="StructuralChangeException">A query is iterating the world.</exception>
    public Entity Create<T0, T1, T2, T3, T4, T5>(in T0 c0, in T1 c1, in T2 c2, in T3 c3, in T4 c4, in T5 c5)
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct
        where T4 : struct
        where T5 : struct
    {
        GuardStructuralChange("create an entity", Entity.Null);
        var archetype = ArchetypeForCreate(ComponentSet<T0, T1, T2, T3, T4, T5>.Ids, ComponentSet<T0, T1, T2, T3, T4, T5>.Duplicate);
        var entity = CreateIn(archetype, out int row);
        archetype.Items<T0>(archetype.ColumnOf(ComponentId<T0>.Value))[row] = c0;
        archetype.Items<T1>(archetype.ColumnOf(ComponentId<T1>.Value))[row] = c1;
        archetype.Items<T2>(archetype.ColumnOf(ComponentId<T2>.Value))[row] = c2;
        archetype.Items<T3>(archetype.ColumnOf(ComponentId<T3>.Value))[row] = c3;
        archetype.Items<T4>(archetype.ColumnOf(ComponentId<T4>.Value))[row] = c4;
        archetype.Items<T5>(archetype.ColumnOf(ComponentId<T5>.Value))[row] = c5;
        return entity;
    }
}
