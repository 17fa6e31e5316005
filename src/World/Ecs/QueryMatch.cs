namespace Agents.World.Ecs;

/// <summary>A world's cached answer to one query description: the matching archetypes, in creation order.</summary>
internal sealed class QueryMatch
{
    /// <summary>The archetypes that match, in creation order.</summary>
    public List<Archetype> Archetypes { get; } = [];

    /// <summary>How many of the world's archetypes have been tested; newer ones are tested on the next use.</summary>
    public int Checked { get; set; }
}
