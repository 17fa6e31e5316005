namespace Agents.Arena;

/// <summary>How a single-call strategy asks for the answer.</summary>
public enum SolveStyle
{
    /// <summary>Only the final answer.</summary>
    Direct,

    /// <summary>Worked examples first, then only the final answer.</summary>
    FewShot,

    /// <summary>Step-by-step reasoning, then the final answer.</summary>
    ChainOfThought,
}
