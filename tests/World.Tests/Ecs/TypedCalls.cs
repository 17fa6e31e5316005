using Agents.World.Ecs;
using EcsWorld = Agents.World.Ecs.World;

namespace Agents.World.Tests.Ecs;

/// <summary>Turns boxed test components into the typed world and buffer calls (the property tests exercise the generic API).</summary>
internal static class TypedCalls
{
    public static Entity CreateByAdding(EcsWorld world, object[] components)
    {
        var e = world.Create();
        foreach (var component in components)
        {
            AddTyped(world, e, component);
        }

        return e;
    }

    public static Entity CreateTyped(EcsWorld world, object[] c) => c switch
    {
        [] => world.Create(),
        [Health a] => world.Create(a),
        [Health a, Position b] => world.Create(b, a),
        [Health a, Position b, Name d] => world.Create(d, a, b),
        [Health a, Position b, Name d, Inventory i] => world.Create(i, b, a, d),
        _ => world.Create(c),
    };

    public static Entity CreateByAddingInBuffer(CommandBuffer buffer, object[] components)
    {
        var e = buffer.Create();
        foreach (var component in components)
        {
            AddInBuffer(buffer, e, component);
        }

        return e;
    }

    public static Entity CreateTypedInBuffer(CommandBuffer buffer, object[] c) => c switch
    {
        [] => buffer.Create(),
        [Health a] => buffer.Create(a),
        [Health a, Position b] => buffer.Create(b, a),
        [Health a, Position b, Name d] => buffer.Create(d, a, b),
        [Health a, Position b, Name d, Inventory i] => buffer.Create(i, b, a, d),
        _ => buffer.Create(c),
    };

    public static void AddTyped(EcsWorld world, Entity e, object component)
    {
        switch (component)
        {
            case Health h: world.Add(e, h); break;
            case Position p: world.Add(e, p); break;
            case Name n: world.Add(e, n); break;
            case Inventory i: world.Add(e, i); break;
        }
    }

    public static void SetTyped(EcsWorld world, Entity e, object component)
    {
        switch (component)
        {
            case Health h: world.Set(e, h); break;
            case Position p: world.Set(e, p); break;
            case Name n: world.Set(e, n); break;
            case Inventory i: world.Set(e, i); break;
        }
    }

    public static void RemoveTyped(EcsWorld world, Entity e, int type)
    {
        switch (type)
        {
            case 0: world.Remove<Health>(e); break;
            case 1: world.Remove<Position>(e); break;
            case 2: world.Remove<Name>(e); break;
            default: world.Remove<Inventory>(e); break;
        }
    }

    public static void AddInBuffer(CommandBuffer buffer, Entity e, object component)
    {
        switch (component)
        {
            case Health h: buffer.Add(e, h); break;
            case Position p: buffer.Add(e, p); break;
            case Name n: buffer.Add(e, n); break;
            case Inventory i: buffer.Add(e, i); break;
        }
    }

    public static void SetInBuffer(CommandBuffer buffer, Entity e, object component)
    {
        switch (component)
        {
            case Health h: buffer.Set(e, h); break;
            case Position p: buffer.Set(e, p); break;
            case Name n: buffer.Set(e, n); break;
            case Inventory i: buffer.Set(e, i); break;
        }
    }

    public static void RemoveInBuffer(CommandBuffer buffer, Entity e, int type)
    {
        switch (type)
        {
            case 0: buffer.Remove<Health>(e); break;
            case 1: buffer.Remove<Position>(e); break;
            case 2: buffer.Remove<Name>(e); break;
            default: buffer.Remove<Inventory>(e); break;
        }
    }
}
