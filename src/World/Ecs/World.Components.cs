namespace Agents.World.Ecs;

/// <content>Reading, writing, adding and removing components.</content>
public sealed partial class World
{
    /// <summary>True when the entity has a component of type <typeparamref name="T"/>.</summary>
    /// <exception cref="StaleEntityException">The entity is not alive.</exception>
    public bool Has<T>(Entity entity)
        where T : struct =>
        Resolve(entity).Archetype!.ColumnOf(ComponentId<T>.Value) >= 0;

    /// <summary>The entity's <typeparamref name="T"/> component by reference; valid until the next structural change.</summary>
    /// <exception cref="StaleEntityException">The entity is not alive.</exception>
    /// <exception cref="MissingComponentException">The entity has no <typeparamref name="T"/>.</exception>
    public ref T Get<T>(Entity entity)
        where T : struct
    {
        ref var record = ref Resolve(entity);
        var archetype = record.Archetype!;
        int column = archetype.ColumnOf(ComponentId<T>.Value);
        if (column < 0)
        {
            throw Missing(entity, typeof(T), "get");
        }

        return ref archetype.Items<T>(column)[record.Row];
    }

    /// <summary>Copies the entity's <typeparamref name="T"/> component into <paramref name="value"/>; false when it has none.</summary>
    /// <exception cref="StaleEntityException">The entity is not alive (a stale handle is a bug, not an absence).</exception>
    public bool TryGet<T>(Entity entity, out T value)
        where T : struct
    {
        ref var record = ref Resolve(entity);
        var archetype = record.Archetype!;
        int column = archetype.ColumnOf(ComponentId<T>.Value);
        if (column < 0)
        {
            value = default;
            return false;
        }

        value = archetype.Items<T>(column)[record.Row];
        return true;
    }

    /// <summary>Overwrites the entity's existing <typeparamref name="T"/> component (allowed during queries).</summary>
    /// <exception cref="StaleEntityException">The entity is not alive.</exception>
    /// <exception cref="MissingComponentException">The entity has no <typeparamref name="T"/>; use <see cref="Add{T}"/>.</exception>
    public void Set<T>(Entity entity, in T value)
        where T : struct
    {
        ref var record = ref Resolve(entity);
        var archetype = record.Archetype!;
        int column = archetype.ColumnOf(ComponentId<T>.Value);
        if (column < 0)
        {
            throw Missing(entity, typeof(T), "set");
        }

        archetype.Items<T>(column)[record.Row] = value;
    }

    /// <summary>Adds a <typeparamref name="T"/> component, moving the entity to the archetype with it (cached edge).</summary>
    /// <exception cref="StaleEntityException">The entity is not alive.</exception>
    /// <exception cref="DuplicateComponentException">The entity already has a <typeparamref name="T"/>; use <see cref="Set{T}"/>.</exception>
    /// <exception cref="StructuralChangeException">A query is iterating the world.</exception>
    public void Add<T>(Entity entity, in T value = default)
        where T : struct
    {
        GuardStructuralChange("add a component to", entity);
        ref var record = ref Resolve(entity);
        int id = ComponentId<T>.Value;
        var transition = record.Archetype!.FindAddEdge(id) ?? BuildAddEdge(record.Archetype, id, entity);
        Move(ref record, transition);
        var target = transition.Target;
        target.Items<T>(target.ColumnOf(id))[record.Row] = value;
    }

    /// <summary>Removes the entity's <typeparamref name="T"/> component, moving it to the archetype without it (cached edge).</summary>
    /// <exception cref="StaleEntityException">The entity is not alive.</exception>
    /// <exception cref="MissingComponentException">The entity has no <typeparamref name="T"/>.</exception>
    /// <exception cref="StructuralChangeException">A query is iterating the world.</exception>
    public void Remove<T>(Entity entity)
        where T : struct
    {
        GuardStructuralChange("remove a component from", entity);
        ref var record = ref Resolve(entity);
        int id = ComponentId<T>.Value;
        var transition = record.Archetype!.FindRemoveEdge(id) ?? BuildRemoveEdge(record.Archetype, id, entity);
        Move(ref record, transition);
    }

    /// <summary>The entity's component types, ordered by assembly-qualified name (stable across processes; for snapshots).</summary>
    /// <exception cref="StaleEntityException">The entity is not alive.</exception>
    public IReadOnlyList<Type> GetComponentTypes(Entity entity) => Resolve(entity).Archetype!.Types;

    /// <summary>The entity's component of type <paramref name="type"/>, boxed (a copy).</summary>
    /// <exception cref="StaleEntityException">The entity is not alive.</exception>
    /// <exception cref="MissingComponentException">The entity has no component of that type.</exception>
    public object GetBoxed(Entity entity, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        ref var record = ref Resolve(entity);
        var archetype = record.Archetype!;
        var info = ComponentRegistry.Find(type);
        int column = info is null ? -1 : archetype.ColumnOf(info.Id);
        if (column < 0)
        {
            throw Missing(entity, type, "get");
        }

        return archetype.Columns[column].GetBoxed(record.Row);
    }

    /// <summary>Appends the entities matching <paramref name="description"/> to <paramref name="into"/>, ordered by id ascending.</summary>
    public void GetEntities(in QueryDescription description, List<Entity> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        int start = into.Count;
        foreach (var archetype in Match(in description))
        {
            var entities = archetype.Entities;
            for (int row = 0; row < archetype.Count; row++)
            {
                into.Add(entities[row]);
            }
        }

        into.Sort(start, into.Count - start, null);
    }

    /// <summary>The number of entities matching <paramref name="description"/>.</summary>
    public int CountEntities(in QueryDescription description)
    {
        int count = 0;
        foreach (var archetype in Match(in description))
        {
            count += archetype.Count;
        }

        return count;
    }

    private Transition BuildAddEdge(Archetype source, int componentId, Entity entity)
    {
        if (source.ColumnOf(componentId) >= 0)
        {
            var type = ComponentRegistry.Get(componentId).Type;
            throw new DuplicateComponentException(
                entity, type, $"Cannot add {type.FullName} to {entity}: it already has one. Use Set to change its value.");
        }

        return source.CacheAddEdge(componentId, GetOrCreateArchetype(source.Signature.With(componentId)));
    }

    private Transition BuildRemoveEdge(Archetype source, int componentId, Entity entity)
    {
        if (source.ColumnOf(componentId) < 0)
        {
            throw Missing(entity, ComponentRegistry.Get(componentId).Type, "remove");
        }

        return source.CacheRemoveEdge(componentId, GetOrCreateArchetype(source.Signature.Without(componentId)));
    }

    private MissingComponentException Missing(Entity entity, Type type, string operation)
    {
        var has = Resolve(entity).Archetype!.Types;
        string found = has.Count == 0 ? "no components" : string.Join(", ", has.Select(t => t.Name));
        return new MissingComponentException(
            entity, type, $"Cannot {operation} {type.FullName} on {entity}: it has no such component (it has {found}).");
    }
}
