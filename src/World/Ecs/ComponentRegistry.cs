namespace Agents.World.Ecs;

/// <summary>
/// The process-wide registry of component types: each type gets a dense id once, on first use, and keeps it.
/// This is the ECS's only static state, a registry filled once per type; ids are never persisted nor used
/// to order anything a user sees, so their first-use order does not affect determinism.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal static class ComponentRegistry
{
    private static readonly object Gate = new();
    private static readonly Dictionary<Type, ComponentInfo> ByType = [];
    private static ComponentInfo[] byId = new ComponentInfo[64];

    /// <summary>Registers <typeparamref name="T"/> (or returns its existing registration).</summary>
    public static ComponentInfo Register<T>()
        where T : struct
    {
        lock (Gate)
        {
            return ByType.TryGetValue(typeof(T), out var info) ? info : Add(typeof(T), new ComponentColumn<T>(0));
        }
    }

    /// <summary>Registers a component type given at run time; it must be a struct.</summary>
    /// <exception cref="InvalidComponentException">The type is not a struct.</exception>
    public static ComponentInfo Register(Type type)
    {
        lock (Gate)
        {
            if (ByType.TryGetValue(type, out var info))
            {
                return info;
            }
        }

        if (!type.IsValueType || type.IsPointer || type.IsByRefLike || type.ContainsGenericParameters)
        {
            throw new InvalidComponentException(
                $"Component type {type.FullName} is not usable as an ECS component: expected a struct (unmanaged or holding references), found {Describe(type)}.");
        }

        var prototype = (Column)Activator.CreateInstance(typeof(ComponentColumn<>).MakeGenericType(type), 0)!;
        lock (Gate)
        {
            return ByType.TryGetValue(type, out var info) ? info : Add(type, prototype);
        }
    }

    /// <summary>The registration of a type, or null if it has never been used as a component.</summary>
    public static ComponentInfo? Find(Type type)
    {
        lock (Gate)
        {
            return ByType.GetValueOrDefault(type);
        }
    }

    /// <summary>The registration with id <paramref name="id"/>.</summary>
    public static ComponentInfo Get(int id)
    {
        lock (Gate)
        {
            return byId[id];
        }
    }

    private static ComponentInfo Add(Type type, Column prototype)
    {
        var info = new ComponentInfo(ByType.Count, type, prototype);
        if (info.Id == byId.Length)
        {
            Array.Resize(ref byId, byId.Length * 2);
        }

        byId[info.Id] = info;
        ByType.Add(type, info);
        return info;
    }

    private static string Describe(Type type) => type switch
    {
        { IsInterface: true } => "an interface",
        { IsClass: true } => "a class",
        { IsPointer: true } => "a pointer type",
        { IsByRefLike: true } => "a ref struct",
        _ => "an open generic type",
    };
}
