using System.Runtime.CompilerServices;

namespace Agents.World.Ecs;

/// <summary>The typed storage of one component type in one archetype.</summary>
/// <typeparam name="T">The component type.</typeparam>
internal sealed class ComponentColumn<T> : Column
{
    /// <summary>The rows; only the first <c>Archetype.Count</c> are live. Replaced on growth.</summary>
    public T[] Items;

    /// <summary>Creates a column with room for <paramref name="capacity"/> rows.</summary>
    public ComponentColumn(int capacity) => Items = capacity == 0 ? [] : new T[capacity];

    /// <inheritdoc />
    public override Column CreateEmpty(int capacity) => new ComponentColumn<T>(capacity);

    /// <inheritdoc />
    public override void Resize(int capacity) => Array.Resize(ref Items, capacity);

    /// <inheritdoc />
    public override void CopyRow(int from, Column target, int to) =>
        Unsafe.As<ComponentColumn<T>>(target).Items[to] = Items[from];

    /// <inheritdoc />
    public override void MoveLastInto(int row, int last)
    {
        Items[row] = Items[last];
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Items[last] = default!;
        }
    }

    /// <inheritdoc />
    public override void ClearRow(int row)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Items[row] = default!;
        }
    }

    /// <inheritdoc />
    public override object GetBoxed(int row) => Items[row]!;

    /// <inheritdoc />
    public override void SetBoxed(int row, object value) => Items[row] = (T)value;
}
