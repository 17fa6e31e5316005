namespace Agents.World.Ecs;

/// <summary>
/// A handle to an entity: an id, recycled after destruction, and a version that changes each time the id is
/// recycled, so that a handle kept past its entity's destruction is detected as stale.
/// </summary>
/// <remarks>Versions start at 1, so <c>default(Entity)</c> is <see cref="Null"/> and is never alive.</remarks>
/// <param name="Id">The slot of the entity in its world; ids are reused lowest first after destruction.</param>
/// <param name="Version">The generation of the slot; 0 only for <see cref="Null"/> and command-buffer placeholders.</param>
public readonly record struct Entity(int Id, int Version) : IComparable<Entity>
{
    /// <summary>The handle that names no entity (<c>default(Entity)</c>).</summary>
    public static Entity Null => default;

    /// <summary>True for <see cref="Null"/>.</summary>
    public bool IsNull => Id == 0 && Version == 0;

    /// <summary>True for a placeholder returned by <see cref="CommandBuffer"/> before playback.</summary>
    internal bool IsPlaceholder => Id < 0 && Version == 0;

    /// <summary>Orders handles by id, then version: the order in which <see cref="World.GetEntities"/> lists them.</summary>
    public int CompareTo(Entity other) => Id != other.Id ? Id.CompareTo(other.Id) : Version.CompareTo(other.Version);

    /// <summary>Shows the handle as <c>Entity 12 (version 3)</c>, the form used by the ECS's error messages.</summary>
    public override string ToString() => IsNull
        ? "Entity.Null"
        : IsPlaceholder
            ? $"Entity placeholder #{-1 - Id} (from a CommandBuffer, not yet played back)"
            : $"Entity {Id} (version {Version})";
}
