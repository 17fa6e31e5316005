using System.Runtime.CompilerServices;

namespace Agents.World.Ecs;

/// <summary>
/// An archetype ECS in the shape of Arch: entities are ids with versions; components are structs stored in
/// archetype tables (one packed array per component type); queries match archetypes by component sets and
/// iterate by <c>ref</c>. Structural changes during iteration go through a <see cref="CommandBuffer"/>.
/// </summary>
/// <remarks>
/// <para>Inside namespaces <c>Agents.*</c> the simple name <c>World</c> means the namespace <c>Agents.World</c>;
/// write <c>using EcsWorld = Agents.World.Ecs.World;</c> there.</para>
/// <para>Deterministic: the same sequence of calls gives the same entity ids (lowest free id first) and the
/// same iteration order: archetypes ordered by their component type names (not by history), and within one,
/// rows in insertion order with swap-remove. A snapshot that lists entities in <c>Query(default, (Entity e) => ...)</c>
/// order and is restored with <see cref="Recreate"/> in that order (plus <see cref="RestoreFreeSlot"/>) gives a
/// world that issues the same ids and iterates in the same order as the original, now and after further calls.</para>
/// <para>Not thread-safe: one thread uses a world at a time. A <c>ref</c> returned by <see cref="Get{T}"/> is
/// valid until the next structural change.</para>
/// </remarks>
public sealed partial class World : IDisposable
{
    private readonly IdAllocator ids = new();
    private readonly List<Archetype> archetypes = [];
    private readonly Dictionary<Signature, Archetype> bySignature = [];
    private readonly Dictionary<QueryDescription, QueryMatch> queries = [];
    private readonly Archetype empty;
    private EntityRecord[] records;
    private int[]? lastCreateIds;
    private Archetype? lastCreateArchetype;
    private int iterating;
    private bool disposed;

    private World(int entityCapacity)
    {
        records = new EntityRecord[Math.Max(entityCapacity, 16)];
        empty = GetOrCreateArchetype(new Signature([]));
    }

    /// <summary>Creates an empty world (Arch: <c>World.Create()</c>).</summary>
    /// <param name="entityCapacity">How many entity slots to reserve up front; the world grows past it.</param>
    public static World Create(int entityCapacity = 64)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entityCapacity);
        return new World(entityCapacity);
    }

    /// <summary>The number of live entities.</summary>
    public int Size { get; private set; }

    /// <summary>The number of archetypes (distinct component sets) created so far, including the empty one.</summary>
    public int ArchetypeCount => archetypes.Count;

    /// <summary>True when <paramref name="entity"/> names a live entity of this world with its current version.</summary>
    public bool IsAlive(Entity entity)
    {
        var records = this.records;
        return (uint)entity.Id < (uint)records.Length
            && records[entity.Id].Archetype is not null
            && records[entity.Id].Version == entity.Version;
    }

    /// <summary>Releases all storage; the world cannot be used afterwards.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        foreach (var archetype in archetypes)
        {
            archetype.Clear();
        }

        records = [];
        queries.Clear();
        Size = 0;
    }

    /// <summary>The record of a live entity; throws <see cref="StaleEntityException"/> otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref EntityRecord Resolve(Entity entity)
    {
        var records = this.records;
        if ((uint)entity.Id < (uint)records.Length)
        {
            ref var record = ref records[entity.Id];
            if (record.Archetype is not null && record.Version == entity.Version)
            {
                return ref record;
            }
        }

        throw Stale(entity);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private StaleEntityException Stale(Entity entity)
    {
        string why;
        if (disposed)
        {
            why = "the world has been disposed";
        }
        else if (entity.IsNull)
        {
            why = "it is Entity.Null";
        }
        else if (entity.IsPlaceholder)
        {
            why = "it is a CommandBuffer placeholder, which becomes an entity only when that buffer is played back";
        }
        else if (entity.Id < 0 || entity.Version <= 0)
        {
            why = "the handle is malformed (expected an id >= 0 and a version >= 1)";
        }
        else if (entity.Id >= ids.HighWater)
        {
            why = "no entity with this id was ever created in this world";
        }
        else
        {
            var record = records[entity.Id];
            int current = Math.Max(1, record.Version);
            why = (record.Archetype is null, entity.Version < current) switch
            {
                (true, true) => $"it was destroyed (the id is free; its next handle will have version {current})",
                (true, false) => $"this version was never issued (the id is free; its next handle will have version {current})",
                (false, true) => $"it was destroyed and its id reused by Entity {entity.Id} (version {current})",
                (false, false) => $"this version was never issued (the live entity with this id has version {current})",
            };
        }

        return new StaleEntityException(entity, $"{entity} is not alive in this world: {why}.");
    }

    /// <summary>Throws when a structural change is not allowed now (a query is iterating, or the world is disposed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void GuardStructuralChange(string operation, Entity entity)
    {
        if ((iterating | (disposed ? 1 : 0)) != 0)
        {
            ThrowStructuralChange(operation, entity);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowStructuralChange(string operation, Entity entity)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        string target = entity.IsNull ? "" : $" {entity}";
        throw new StructuralChangeException(
            $"Cannot {operation}{target} while a query is iterating this world: structural changes (create, destroy, " +
            "add or remove a component) would move entities under the running iteration. Record them in a " +
            "CommandBuffer and call Playback(world) after the query; Set and writes through ref are allowed.");
    }

    private void BeginIteration()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        iterating++;
    }

    private void EndIteration() => iterating--;

    /// <summary>The archetypes matching <paramref name="description"/>, in <see cref="Archetype.OrderKey"/> order (cached per description).</summary>
    internal List<Archetype> Match(in QueryDescription description)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!queries.TryGetValue(description, out var match))
        {
            match = new QueryMatch();
            queries.Add(description, match);
        }

        while (match.Checked < archetypes.Count)
        {
            var archetype = archetypes[match.Checked++];
            if (description.Matches(archetype))
            {
                match.Insert(archetype);
            }
        }

        return match.Archetypes;
    }

    private Archetype GetOrCreateArchetype(Signature signature)
    {
        if (!bySignature.TryGetValue(signature, out var archetype))
        {
            archetype = new Archetype(signature);
            archetypes.Add(archetype);
            bySignature.Add(signature, archetype);
        }

        return archetype;
    }

    /// <summary>The archetype for a generic creation's sorted ids (cached by array identity, one per type list).</summary>
    private Archetype ArchetypeForCreate(int[] sortedIds, Type? duplicate)
    {
        if (ReferenceEquals(sortedIds, lastCreateIds))
        {
            return lastCreateArchetype!;
        }

        if (duplicate is not null)
        {
            throw new DuplicateComponentException(
                Entity.Null, duplicate, $"Cannot create an entity with component {duplicate.FullName} given twice: an entity holds at most one component of each type.");
        }

        var archetype = GetOrCreateArchetype(new Signature(sortedIds));
        lastCreateIds = sortedIds;
        lastCreateArchetype = archetype;
        return archetype;
    }

    /// <summary>Takes the lowest free id and appends an entity with default components to <paramref name="archetype"/>.</summary>
    private Entity CreateIn(Archetype archetype, out int row)
    {
        int id = ids.Allocate();
        EnsureRecordCapacity(id);
        ref var record = ref records[id];
        if (record.Version == 0)
        {
            record.Version = 1;
        }

        var entity = new Entity(id, record.Version);
        row = archetype.AddRow(entity);
        record.Archetype = archetype;
        record.Row = row;
        Size++;
        return entity;
    }

    private void EnsureRecordCapacity(int id)
    {
        if (id >= records.Length)
        {
            Array.Resize(ref records, Math.Max(id + 1, records.Length * 2));
        }
    }

    /// <summary>Moves an entity along a transition, copying the components both archetypes share.</summary>
    private void Move(ref EntityRecord record, Transition transition)
    {
        var source = record.Archetype!;
        var target = transition.Target;
        int row = record.Row;
        int newRow = target.AddRow(source.Entities[row]);
        var map = transition.ColumnMap;
        var columns = source.Columns;
        for (int c = 0; c < columns.Length; c++)
        {
            if (map[c] >= 0)
            {
                columns[c].CopyRow(row, target.Columns[map[c]], newRow);
            }
        }

        var moved = source.RemoveRow(row);
        if (!moved.IsNull)
        {
            records[moved.Id].Row = row;
        }

        record.Archetype = target;
        record.Row = newRow;
    }
}
