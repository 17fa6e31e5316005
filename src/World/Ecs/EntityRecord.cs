namespace Agents.World.Ecs;

/// <summary>Where a live entity's components are: its archetype and row. For a dead id, the version its next handle carries.</summary>
internal struct EntityRecord
{
    /// <summary>The archetype holding the entity, or null when the id is not alive.</summary>
    public Archetype? Archetype;

    /// <summary>The entity's row in <see cref="Archetype"/>.</summary>
    public int Row;

    /// <summary>The version of the live handle, or of the next handle issued for this id (0 means 1: never used).</summary>
    public int Version;
}
