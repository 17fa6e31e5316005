namespace Agents.World.Ecs;

// One generic arity per class; together they are one concept, so they share this file.

/// <summary>The sorted component ids of the types T0, computed once per type list.</summary>
internal static class ComponentSet<T0>
    where T0 : struct
{
    /// <summary>The ids, ascending; the array's identity stands for the type list.</summary>
    public static readonly int[] Ids = ComponentSetBuilder.Sorted([ComponentId<T0>.Value]);

    /// <summary>A type listed twice, or null.</summary>
    public static readonly Type? Duplicate = ComponentSetBuilder.FirstDuplicate([typeof(T0)]);
}

/// <summary>The sorted component ids of the types T0, T1, computed once per type list.</summary>
internal static class ComponentSet<T0, T1>
    where T0 : struct
    where T1 : struct
{
    /// <summary>The ids, ascending; the array's identity stands for the type list.</summary>
    public static readonly int[] Ids = ComponentSetBuilder.Sorted([ComponentId<T0>.Value, ComponentId<T1>.Value]);

    /// <summary>A type listed twice, or null.</summary>
    public static readonly Type? Duplicate = ComponentSetBuilder.FirstDuplicate([typeof(T0), typeof(T1)]);
}

/// <summary>The sorted component ids of the types T0, T1, T2, computed once per type list.</summary>
internal static class ComponentSet<T0, T1, T2>
    where T0 : struct
    where T1 : struct
    where T2 : struct
{
    /// <summary>The ids, ascending; the array's identity stands for the type list.</summary>
    public static readonly int[] Ids = ComponentSetBuilder.Sorted([ComponentId<T0>.Value, ComponentId<T1>.Value, ComponentId<T2>.Value]);

    /// <summary>A type listed twice, or null.</summary>
    public static readonly Type? Duplicate = ComponentSetBuilder.FirstDuplicate([typeof(T0), typeof(T1), typeof(T2)]);
}

/// <summary>The sorted component ids of the types T0, T1, T2, T3, computed once per type list.</summary>
internal static class ComponentSet<T0, T1, T2, T3>
    where T0 : struct
    where T1 : struct
    where T2 : struct
    where T3 : struct
{
    /// <summary>The ids, ascending; the array's identity stands for the type list.</summary>
    public static readonly int[] Ids = ComponentSetBuilder.Sorted([ComponentId<T0>.Value, ComponentId<T1>.Value, ComponentId<T2>.Value, ComponentId<T3>.Value]);

    /// <summary>A type listed twice, or null.</summary>
    public static readonly Type? Duplicate = ComponentSetBuilder.FirstDuplicate([typeof(T0), typeof(T1), typeof(T2), typeof(T3)]);
}

/// <summary>The sorted component ids of the types T0, T1, T2, T3, T4, computed once per type list.</summary>
internal static class ComponentSet<T0, T1, T2, T3, T4>
    where T0 : struct
    where T1 : struct
    where T2 : struct
    where T3 : struct
    where T4 : struct
{
    /// <summary>The ids, ascending; the array's identity stands for the type list.</summary>
    public static readonly int[] Ids = ComponentSetBuilder.Sorted([ComponentId<T0>.Value, ComponentId<T1>.Value, ComponentId<T2>.Value, ComponentId<T3>.Value, ComponentId<T4>.Value]);

    /// <summary>A type listed twice, or null.</summary>
    public static readonly Type? Duplicate = ComponentSetBuilder.FirstDuplicate([typeof(T0), typeof(T1), typeof(T2), typeof(T3), typeof(T4)]);
}

/// <summary>The sorted component ids of the types T0, T1, T2, T3, T4, T5, computed once per type list.</summary>
internal static class ComponentSet<T0, T1, T2, T3, T4, T5>
    where T0 : struct
    where T1 : struct
    where T2 : struct
    where T3 : struct
    where T4 : struct
    where T5 : struct
{
    /// <summary>The ids, ascending; the array's identity stands for the type list.</summary>
    public static readonly int[] Ids = ComponentSetBuilder.Sorted([ComponentId<T0>.Value, ComponentId<T1>.Value, ComponentId<T2>.Value, ComponentId<T3>.Value, ComponentId<T4>.Value, ComponentId<T5>.Value]);

    /// <summary>A type listed twice, or null.</summary>
    public static readonly Type? Duplicate = ComponentSetBuilder.FirstDuplicate([typeof(T0), typeof(T1), typeof(T2), typeof(T3), typeof(T4), typeof(T5)]);
}
