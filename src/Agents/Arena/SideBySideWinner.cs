namespace Agents.Arena;

/// <summary>A judge's verdict on two answers shown side by side.</summary>
public enum SideBySideWinner
{
    /// <summary>The answer shown first (A) is better.</summary>
    A,

    /// <summary>The answer shown second (B) is better.</summary>
    B,

    /// <summary>Neither is better.</summary>
    Tie,
}
