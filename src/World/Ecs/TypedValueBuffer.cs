namespace Agents.World.Ecs;

/// <summary>Recorded values of <typeparamref name="T"/>, kept unboxed.</summary>
/// <typeparam name="T">The component type.</typeparam>
internal sealed class TypedValueBuffer<T> : ValueBuffer
    where T : struct
{
    private readonly List<T> values = [];

    /// <inheritdoc />
    public override int ComponentId => ComponentId<T>.Value;

    /// <inheritdoc />
    public override Type ComponentType => typeof(T);

    /// <summary>Stores a value and returns its index.</summary>
    public int Append(in T value)
    {
        values.Add(value);
        return values.Count - 1;
    }

    /// <inheritdoc />
    public override void Add(World world, Entity entity, int index) => world.Add(entity, values[index]);

    /// <inheritdoc />
    public override void Set(World world, Entity entity, int index) => world.Set(entity, values[index]);

    /// <inheritdoc />
    public override void Remove(World world, Entity entity) => world.Remove<T>(entity);

    /// <inheritdoc />
    public override void Clear() => values.Clear();
}
