namespace Agents.World.Ecs;

/// <summary>A command buffer's store of recorded values of one component type, applied to a world at playback.</summary>
internal abstract class ValueBuffer
{
    /// <summary>The registry id of the component type.</summary>
    public abstract int ComponentId { get; }

    /// <summary>The component type.</summary>
    public abstract Type ComponentType { get; }

    /// <summary>Adds recorded value <paramref name="index"/> to <paramref name="entity"/>.</summary>
    public abstract void Add(World world, Entity entity, int index);

    /// <summary>Sets recorded value <paramref name="index"/> on <paramref name="entity"/>.</summary>
    public abstract void Set(World world, Entity entity, int index);

    /// <summary>Removes the component type from <paramref name="entity"/>.</summary>
    public abstract void Remove(World world, Entity entity);

    /// <summary>Forgets all recorded values.</summary>
    public abstract void Clear();
}
