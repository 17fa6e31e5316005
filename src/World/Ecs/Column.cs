namespace Agents.World.Ecs;

/// <summary>One archetype's storage for one component type: a packed array, rows aligned with the archetype's entities.</summary>
internal abstract class Column
{
    /// <summary>A new empty column of the same component type.</summary>
    public abstract Column CreateEmpty(int capacity);

    /// <summary>Grows the storage to <paramref name="capacity"/> rows, keeping the existing ones.</summary>
    public abstract void Resize(int capacity);

    /// <summary>Copies row <paramref name="from"/> into row <paramref name="to"/> of <paramref name="target"/> (same component type).</summary>
    public abstract void CopyRow(int from, Column target, int to);

    /// <summary>Moves row <paramref name="last"/> into <paramref name="row"/> and clears <paramref name="last"/>.</summary>
    public abstract void MoveLastInto(int row, int last);

    /// <summary>Resets a row to default so that it holds no references.</summary>
    public abstract void ClearRow(int row);

    /// <summary>The component at <paramref name="row"/>, boxed.</summary>
    public abstract object GetBoxed(int row);

    /// <summary>Writes a boxed component (of exactly this column's type) into <paramref name="row"/>.</summary>
    public abstract void SetBoxed(int row, object value);
}
