namespace Agents.World.Ecs;

/// <content>Typed builders, one overload per arity.</content>
public readonly partial struct QueryDescription
{
    /// <summary>Adds T0 to the types matched entities must all have.</summary>
    public QueryDescription WithAll<T0>()
        where T0 : struct => AddAll(ComponentId<T0>.Value);

    /// <summary>Adds T0, T1 to the types matched entities must all have.</summary>
    public QueryDescription WithAll<T0, T1>()
        where T0 : struct
        where T1 : struct => AddAll(ComponentId<T0>.Value, ComponentId<T1>.Value);

    /// <summary>Adds T0, T1, T2 to the types matched entities must all have.</summary>
    public QueryDescription WithAll<T0, T1, T2>()
        where T0 : struct
        where T1 : struct
        where T2 : struct => AddAll(ComponentId<T0>.Value, ComponentId<T1>.Value, ComponentId<T2>.Value);

    /// <summary>Adds T0, T1, T2, T3 to the types matched entities must all have.</summary>
    public QueryDescription WithAll<T0, T1, T2, T3>()
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct => AddAll(ComponentId<T0>.Value, ComponentId<T1>.Value, ComponentId<T2>.Value, ComponentId<T3>.Value);

    /// <summary>Adds T0, T1, T2, T3, T4 to the types matched entities must all have.</summary>
    public QueryDescription WithAll<T0, T1, T2, T3, T4>()
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct
        where T4 : struct => AddAll(ComponentId<T0>.Value, ComponentId<T1>.Value, ComponentId<T2>.Value, ComponentId<T3>.Value, ComponentId<T4>.Value);

    /// <summary>Adds T0, T1, T2, T3, T4, T5 to the types matched entities must all have.</summary>
    public QueryDescription WithAll<T0, T1, T2, T3, T4, T5>()
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct
        where T4 : struct
        where T5 : struct => AddAll(ComponentId<T0>.Value, ComponentId<T1>.Value, ComponentId<T2>.Value, ComponentId<T3>.Value, ComponentId<T4>.Value, ComponentId<T5>.Value);

    /// <summary>Adds T0 to the types matched entities must have at least one of.</summary>
    public QueryDescription WithAny<T0>()
        where T0 : struct => AddAny(ComponentId<T0>.Value);

    /// <summary>Adds T0, T1 to the types matched entities must have at least one of.</summary>
    public QueryDescription WithAny<T0, T1>()
        where T0 : struct
        where T1 : struct => AddAny(ComponentId<T0>.Value, ComponentId<T1>.Value);

    /// <summary>Adds T0, T1, T2 to the types matched entities must have at least one of.</summary>
    public QueryDescription WithAny<T0, T1, T2>()
        where T0 : struct
        where T1 : struct
        where T2 : struct => AddAny(ComponentId<T0>.Value, ComponentId<T1>.Value, ComponentId<T2>.Value);

    /// <summary>Adds T0, T1, T2, T3 to the types matched entities must have at least one of.</summary>
    public QueryDescription WithAny<T0, T1, T2, T3>()
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct => AddAny(ComponentId<T0>.Value, ComponentId<T1>.Value, ComponentId<T2>.Value, ComponentId<T3>.Value);

    /// <summary>Adds T0, T1, T2, T3, T4 to the types matched entities must have at least one of.</summary>
    public QueryDescription WithAny<T0, T1, T2, T3, T4>()
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct
        where T4 : struct => AddAny(ComponentId<T0>.Value, ComponentId<T1>.Value, ComponentId<T2>.Value, ComponentId<T3>.Value, ComponentId<T4>.Value);

    /// <summary>Adds T0, T1, T2, T3, T4, T5 to the types matched entities must have at least one of.</summary>
    public QueryDescription WithAny<T0, T1, T2, T3, T4, T5>()
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct
        where T4 : struct
        where T5 : struct => AddAny(ComponentId<T0>.Value, ComponentId<T1>.Value, ComponentId<T2>.Value, ComponentId<T3>.Value, ComponentId<T4>.Value, ComponentId<T5>.Value);

    /// <summary>Adds T0 to the types matched entities must not have.</summary>
    public QueryDescription WithNone<T0>()
        where T0 : struct => AddNone(ComponentId<T0>.Value);

    /// <summary>Adds T0, T1 to the types matched entities must not have.</summary>
    public QueryDescription WithNone<T0, T1>()
        where T0 : struct
        where T1 : struct => AddNone(ComponentId<T0>.Value, ComponentId<T1>.Value);

    /// <summary>Adds T0, T1, T2 to the types matched entities must not have.</summary>
    public QueryDescription WithNone<T0, T1, T2>()
        where T0 : struct
        where T1 : struct
        where T2 : struct => AddNone(ComponentId<T0>.Value, ComponentId<T1>.Value, ComponentId<T2>.Value);

    /// <summary>Adds T0, T1, T2, T3 to the types matched entities must not have.</summary>
    public QueryDescription WithNone<T0, T1, T2, T3>()
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct => AddNone(ComponentId<T0>.Value, ComponentId<T1>.Value, ComponentId<T2>.Value, ComponentId<T3>.Value);

    /// <summary>Adds T0, T1, T2, T3, T4 to the types matched entities must not have.</summary>
    public QueryDescription WithNone<T0, T1, T2, T3, T4>()
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct
        where T4 : struct => AddNone(ComponentId<T0>.Value, ComponentId<T1>.Value, ComponentId<T2>.Value, ComponentId<T3>.Value, ComponentId<T4>.Value);

    /// <summary>Adds T0, T1, T2, T3, T4, T5 to the types matched entities must not have.</summary>
    public QueryDescription WithNone<T0, T1, T2, T3, T4, T5>()
        where T0 : struct
        where T1 : struct
        where T2 : struct
        where T3 : struct
        where T4 : struct
        where T5 : struct => AddNone(ComponentId<T0>.Value, ComponentId<T1>.Value, ComponentId<T2>.Value, ComponentId<T3>.Value, ComponentId<T4>.Value, ComponentId<T5>.Value);
}
