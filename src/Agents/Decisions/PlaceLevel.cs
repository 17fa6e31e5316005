namespace Agents.Decisions;

/// <summary>The level of the place hierarchy a <see cref="PlaceChoiceDecision"/> chooses at.</summary>
public enum PlaceLevel
{
    /// <summary>A sector ("Hobbs Cafe").</summary>
    Sector,

    /// <summary>An arena within a sector ("kitchen").</summary>
    Arena,

    /// <summary>An object within an arena ("stove"), or none.</summary>
    Object,
}
