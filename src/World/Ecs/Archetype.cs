using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;

namespace Agents.World.Ecs;

/// <summary>
/// The table of all entities with exactly one set of component types: one packed array per component type,
/// rows aligned with <see cref="Entities"/>. Removal swaps the last row into the hole.
/// </summary>
internal sealed class Archetype
{
    private const int MinimumCapacity = 8;

    private readonly int[] columnOf;
    private Transition?[] addEdges = [];
    private Transition?[] removeEdges = [];

    /// <summary>Creates the table for <paramref name="signature"/>.</summary>
    public Archetype(Signature signature)
    {
        Signature = signature;
        var ids = signature.Ids;
        Columns = new Column[ids.Length];
        var types = new Type[ids.Length];
        columnOf = new int[ids.Length == 0 ? 0 : ids[^1] + 1];
        Array.Fill(columnOf, -1);
        for (int c = 0; c < ids.Length; c++)
        {
            var info = ComponentRegistry.Get(ids[c]);
            Columns[c] = info.Prototype.CreateEmpty(0);
            types[c] = info.Type;
            columnOf[ids[c]] = c;
        }

        // Registry ids depend on first use in the process, so the order users see comes from type names.
        Array.Sort(types, static (a, b) => string.CompareOrdinal(a.AssemblyQualifiedName, b.AssemblyQualifiedName));
        Types = new ReadOnlyCollection<Type>(types);
        OrderKey = string.Join("\n", types.Select(t => t.AssemblyQualifiedName));
    }

    /// <summary>The component ids of this table, ascending.</summary>
    public Signature Signature { get; }

    /// <summary>
    /// The type names joined by newlines: queries visit archetypes in ordinal order of this key, an order that
    /// depends neither on the history of the world nor on the process, so a world restored from a snapshot
    /// iterates like the original.
    /// </summary>
    public string OrderKey { get; }

    /// <summary>The component types, ordered by assembly-qualified name.</summary>
    public IReadOnlyList<Type> Types { get; }

    /// <summary>Storage per component, aligned with <see cref="Signature"/>.</summary>
    public Column[] Columns { get; }

    /// <summary>The entity of each row; only the first <see cref="Count"/> are live.</summary>
    public Entity[] Entities { get; private set; } = [];

    /// <summary>Number of live rows.</summary>
    public int Count { get; private set; }

    /// <summary>The column index of component <paramref name="componentId"/>, or -1 when the table lacks it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ColumnOf(int componentId) =>
        (uint)componentId < (uint)columnOf.Length ? columnOf[componentId] : -1;

    /// <summary>The typed array of column <paramref name="column"/> (which must hold <typeparamref name="T"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T[] Items<T>(int column) => Unsafe.As<ComponentColumn<T>>(Columns[column]).Items;

    /// <summary>Appends a row for <paramref name="entity"/> (its components left default) and returns the row.</summary>
    public int AddRow(Entity entity)
    {
        if (Count == Entities.Length)
        {
            Grow();
        }

        var entities = Entities;
        entities[Count] = entity;
        return Count++;
    }

    /// <summary>Removes <paramref name="row"/> by moving the last row into it; returns the entity that moved, or <see cref="Entity.Null"/>.</summary>
    public Entity RemoveRow(int row)
    {
        int last = Count - 1;
        var columns = Columns;
        Entity moved = Entity.Null;
        if (row != last)
        {
            for (int c = 0; c < columns.Length; c++)
            {
                columns[c].MoveLastInto(row, last);
            }

            moved = Entities[last];
            Entities[row] = moved;
        }
        else
        {
            for (int c = 0; c < columns.Length; c++)
            {
                columns[c].ClearRow(row);
            }
        }

        Count = last;
        return moved;
    }

    /// <summary>The cached edge for adding <paramref name="componentId"/>, or null if not yet built.</summary>
    public Transition? FindAddEdge(int componentId) =>
        (uint)componentId < (uint)addEdges.Length ? addEdges[componentId] : null;

    /// <summary>The cached edge for removing <paramref name="componentId"/>, or null if not yet built.</summary>
    public Transition? FindRemoveEdge(int componentId) =>
        (uint)componentId < (uint)removeEdges.Length ? removeEdges[componentId] : null;

    /// <summary>Caches the edge for adding <paramref name="componentId"/>.</summary>
    public Transition CacheAddEdge(int componentId, Archetype target) => Cache(ref addEdges, componentId, target);

    /// <summary>Caches the edge for removing <paramref name="componentId"/>.</summary>
    public Transition CacheRemoveEdge(int componentId, Archetype target) => Cache(ref removeEdges, componentId, target);

    /// <summary>Drops all rows and their storage (the world is being disposed).</summary>
    public void Clear()
    {
        for (int c = 0; c < Columns.Length; c++)
        {
            Columns[c].Resize(0);
        }

        Entities = [];
        Count = 0;
    }

    private Transition Cache(ref Transition?[] edges, int componentId, Archetype target)
    {
        if (componentId >= edges.Length)
        {
            Array.Resize(ref edges, Math.Max(componentId + 1, edges.Length * 2));
        }

        var ids = Signature.Ids;
        var map = new int[ids.Length];
        for (int c = 0; c < ids.Length; c++)
        {
            map[c] = target.ColumnOf(ids[c]);
        }

        var transition = new Transition(target, map);
        edges[componentId] = transition;
        return transition;
    }

    private void Grow()
    {
        int capacity = Math.Max(MinimumCapacity, Entities.Length * 2);
        var entities = Entities;
        Array.Resize(ref entities, capacity);
        Entities = entities;
        for (int c = 0; c < Columns.Length; c++)
        {
            Columns[c].Resize(capacity);
        }
    }
}
