namespace Agents.World.Ecs;

/// <content>Creating, destroying and restoring entities.</content>
public sealed partial class World
{
    /// <summary>Creates an entity with no components.</summary>
    /// <exception cref="StructuralChangeException">A query is iterating the world.</exception>
    public Entity Create()
    {
        GuardStructuralChange("create an entity", Entity.Null);
        return CreateIn(empty, out _);
    }

    /// <summary>Creates an entity from boxed components (snapshot restore, tools); each must be a struct of a distinct type.</summary>
    /// <exception cref="InvalidComponentException">A component is null or not a struct.</exception>
    /// <exception cref="DuplicateComponentException">Two components have the same type.</exception>
    /// <exception cref="StructuralChangeException">A query is iterating the world.</exception>
    public Entity Create(params object[] components)
    {
        GuardStructuralChange("create an entity", Entity.Null);
        var archetype = ArchetypeOf(components, Entity.Null);
        var entity = CreateIn(archetype, out int row);
        WriteBoxed(archetype, row, components);
        return entity;
    }

    /// <summary>
    /// Creates an entity with exactly the id and version of <paramref name="handle"/>, for restoring a snapshot into
    /// a fresh world. Ids skipped below it become free (reused lowest first, as in the original world).
    /// </summary>
    /// <exception cref="EntityIdInUseException">The id is alive in this world.</exception>
    /// <exception cref="ArgumentException">The handle is Null, a placeholder, or has a negative id or a version below 1.</exception>
    public Entity Recreate(Entity handle, params object[] components)
    {
        GuardStructuralChange("recreate", handle);
        RequireRestorableHandle(handle, nameof(handle));
        if (!ids.IsFree(handle.Id))
        {
            throw new EntityIdInUseException(
                handle, $"Cannot recreate {handle}: id {handle.Id} is alive in this world as Entity {handle.Id} (version {records[handle.Id].Version}). Recreate restores entities into a world where their ids are free.");
        }

        var archetype = ArchetypeOf(components, handle);
        ids.Claim(handle.Id);
        EnsureRecordCapacity(handle.Id);
        ref var record = ref records[handle.Id];
        record.Version = handle.Version;
        record.Archetype = archetype;
        record.Row = archetype.AddRow(handle);
        Size++;
        WriteBoxed(archetype, record.Row, components);
        return handle;
    }

    /// <summary>Destroys a live entity; its id becomes free and its next handle gets a new version.</summary>
    /// <exception cref="StaleEntityException">The entity is not alive.</exception>
    /// <exception cref="StructuralChangeException">A query is iterating the world.</exception>
    public void Destroy(Entity entity)
    {
        GuardStructuralChange("destroy", entity);
        ref var record = ref Resolve(entity);
        var moved = record.Archetype!.RemoveRow(record.Row);
        if (!moved.IsNull)
        {
            records[moved.Id].Row = record.Row;
        }

        record.Archetype = null;
        record.Version = record.Version == int.MaxValue ? 1 : record.Version + 1;
        ids.Release(entity.Id);
        Size--;
    }

    /// <summary>
    /// Adds to <paramref name="into"/>, by id ascending, the handle the next creation of each free id below the
    /// highest id ever used will carry. A snapshot stores these so a restored world issues the same versions.
    /// </summary>
    public void GetFreeSlots(List<Entity> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        for (int id = 0; id < ids.HighWater; id++)
        {
            if (ids.IsFree(id))
            {
                into.Add(new Entity(id, Math.Max(1, records[id].Version)));
            }
        }
    }

    /// <summary>Snapshot restore: marks <c>next.Id</c> free, its next handle to carry <c>next.Version</c> (see <see cref="GetFreeSlots"/>).</summary>
    /// <exception cref="EntityIdInUseException">The id is alive in this world.</exception>
    public void RestoreFreeSlot(Entity next)
    {
        GuardStructuralChange("restore a free slot for", next);
        RequireRestorableHandle(next, nameof(next));
        if (!ids.IsFree(next.Id))
        {
            throw new EntityIdInUseException(
                next, $"Cannot mark id {next.Id} free with next version {next.Version}: it is alive as Entity {next.Id} (version {records[next.Id].Version}).");
        }

        if (next.Id >= ids.HighWater)
        {
            ids.Claim(next.Id);
            ids.Release(next.Id);
        }

        EnsureRecordCapacity(next.Id);
        records[next.Id].Version = next.Version;
    }

    private static void RequireRestorableHandle(Entity handle, string parameter)
    {
        if (handle.Id < 0 || handle.Version < 1)
        {
            throw new ArgumentException($"Expected an entity handle with id >= 0 and version >= 1, found {handle}.", parameter);
        }
    }

    /// <summary>The archetype for a list of boxed components, validating each.</summary>
    private Archetype ArchetypeOf(object[] components, Entity entity)
    {
        ArgumentNullException.ThrowIfNull(components);
        var componentIds = new int[components.Length];
        for (int i = 0; i < components.Length; i++)
        {
            var component = components[i] ?? throw new InvalidComponentException(
                $"Component at index {i} is null: expected a struct value (creating {(entity.IsNull ? "an entity" : entity.ToString())}).");
            int id = ComponentRegistry.Register(component.GetType()).Id;
            if (Array.IndexOf(componentIds, id, 0, i) >= 0)
            {
                throw new DuplicateComponentException(
                    entity, component.GetType(), $"Cannot create an entity with component {component.GetType().FullName} given twice (again at index {i}): an entity holds at most one component of each type.");
            }

            componentIds[i] = id;
        }

        Array.Sort(componentIds);
        return GetOrCreateArchetype(new Signature(componentIds));
    }

    private static void WriteBoxed(Archetype archetype, int row, object[] components)
    {
        foreach (var component in components)
        {
            int id = ComponentRegistry.Register(component.GetType()).Id;
            archetype.Columns[archetype.ColumnOf(id)].SetBoxed(row, component);
        }
    }
}
