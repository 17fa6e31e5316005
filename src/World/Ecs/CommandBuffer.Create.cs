namespace Agents.World.Ecs;

/// <content>Recording typed creations, one overload per arity.</content>
public sealed partial class CommandBuffer
{
    /// <summary>Records the creation of an entity with 1 component; returns a placeholder usable in this buffer's later commands.</summary>
    public Entity Create<T0>(in T0 c0)
        where T0 : struct
    {
        ThrowIfDuplicate(ComponentSet<T0>.Duplicate);
        var placeholder = BeginCreate(ComponentSet<T0>.Ids);
        AddCreateComponent(BufferOf<T0>(), in c0);
        return placeholder;
    }

    /// <summary>Records the creation of an entity with 2 components; returns a placeholder usable in this buffer's later commands.</summary>
    public Entity Create<T0, T1>(in T0 c0, in T1 c1)
        where T0 : struct
        where T1 : struct
    {
        ThrowIfDuplicate(ComponentSet<T0, T1>.Duplicate);
        var placeholder = BeginCreate(ComponentSet<T0, T1>.Ids);
        AddCreateComponent(BufferOf<T0>(), in c0);
        AddCreateComponent(BufferOf<T1>(), in c1);
        return placeholder;
    }

    /// <summary>Records the creation of an entity with 3 components; returns a placeholder usable in this buffer's later commands.</summary>
    public Entity Create<T0, T1, T2>(in T0 c0, in T1 c1, in T2 c2)
        where T0 : struct
        where T1 : struct
        where T2 : struct
    {
        ThrowIfDuplicate(ComponentSet<T0, T1, T2>.Duplicate);
        var placeholder = BeginCreate(ComponentSet<T0, T1, T2>.Ids);
        AddCreateComponent(BufferOf<T0>(), in c0);
        AddCreateComponent(BufferOf<T1>(), in c1);
        AddCreateComponent(BufferOf<T2>(), in c2);
        return placeholder;
    }

    /// <summary>Records the creation of an entity with 4 components; returns a placeholder usable in this buffer's later commands.</summary>
    public Entity Create<T0, T1, T2, T3>(in T0 c0, in T1 c1, in T2 c2, in T3 c3)
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct
    {
        ThrowIfDuplicate(ComponentSet<T0, T1, T2, T3>.Duplicate);
        var placeholder = BeginCreate(ComponentSet<T0, T1, T2, T3>.Ids);
        AddCreateComponent(BufferOf<T0>(), in c0);
        AddCreateComponent(BufferOf<T1>(), in c1);
        AddCreateComponent(BufferOf<T2>(), in c2);
        AddCreateComponent(BufferOf<T3>(), in c3);
        return placeholder;
    }

    /// <summary>Records the creation of an entity with 5 components; returns a placeholder usable in this buffer's later commands.</summary>
    public Entity Create<T0, T1, T2, T3, T4>(in T0 c0, in T1 c1, in T2 c2, in T3 c3, in T4 c4)
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct
        where T4 : struct
    {
        ThrowIfDuplicate(ComponentSet<T0, T1, T2, T3, T4>.Duplicate);
        var placeholder = BeginCreate(ComponentSet<T0, T1, T2, T3, T4>.Ids);
        AddCreateComponent(BufferOf<T0>(), in c0);
        AddCreateComponent(BufferOf<T1>(), in c1);
        AddCreateComponent(BufferOf<T2>(), in c2);
        AddCreateComponent(BufferOf<T3>(), in c3);
        AddCreateComponent(BufferOf<T4>(), in c4);
        return placeholder;
    }

    /// <summary>Records the creation of an entity with 6 components; returns a placeholder usable in this buffer's later commands.</summary>
    public Entity Create<T0, T1, T2, T3, T4, T5>(in T0 c0, in T1 c1, in T2 c2, in T3 c3, in T4 c4, in T5 c5)
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct
        where T4 : struct
        where T5 : struct
    {
        ThrowIfDuplicate(ComponentSet<T0, T1, T2, T3, T4, T5>.Duplicate);
        var placeholder = BeginCreate(ComponentSet<T0, T1, T2, T3, T4, T5>.Ids);
        AddCreateComponent(BufferOf<T0>(), in c0);
        AddCreateComponent(BufferOf<T1>(), in c1);
        AddCreateComponent(BufferOf<T2>(), in c2);
        AddCreateComponent(BufferOf<T3>(), in c3);
        AddCreateComponent(BufferOf<T4>(), in c4);
        AddCreateComponent(BufferOf<T5>(), in c5);
        return placeholder;
    }
}
