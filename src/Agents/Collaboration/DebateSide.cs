namespace Agents.Collaboration;

/// <summary>A side of an adversarial debate.</summary>
public enum DebateSide
{
    /// <summary>Argues for its answer.</summary>
    Affirmative,

    /// <summary>Argues against the affirmative and gives its own answer.</summary>
    Negative,
}
