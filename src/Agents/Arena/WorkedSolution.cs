namespace Agents.Arena;

/// <summary>How a programmatic solver worked a task out: the steps a chain of thought writes, an expression for the calculator, the answer.</summary>
/// <param name="Steps">One line per step, e.g. "3*6 = 18".</param>
/// <param name="Answer">The final answer, normalised.</param>
/// <param name="Expression">One expression the calculator evaluates to the answer, or null when there is none (the 24 game's answer is itself an expression; multi-hop needs lookups).</param>
public sealed record WorkedSolution(IReadOnlyList<string> Steps, string Answer, string? Expression);
