namespace Agents.World.Ecs;

/// <summary>A world's cached answer to one query description: the matching archetypes, in <see cref="Archetype.OrderKey"/> order.</summary>
internal sealed class QueryMatch
{
    /// <summary>The archetypes that match, ordered by <see cref="Archetype.OrderKey"/> (ordinal).</summary>
    public List<Archetype> Archetypes { get; } = [];

    /// <summary>How many of the world's archetypes (in creation order) have been tested; newer ones are tested on the next use.</summary>
    public int Checked { get; set; }

    /// <summary>Inserts a matching archetype at its place in the order.</summary>
    public void Insert(Archetype archetype)
    {
        int at = Archetypes.Count;
        while (at > 0 && string.CompareOrdinal(Archetypes[at - 1].OrderKey, archetype.OrderKey) > 0)
        {
            at--;
        }

        Archetypes.Insert(at, archetype);
    }
}
