namespace Agents.Arena;

/// <summary>An instruction with its score on the training batch, as kept in the prompt-evolution history.</summary>
/// <param name="Step">The optimisation step that proposed it (0 for the starting instruction).</param>
/// <param name="Instruction">The instruction.</param>
/// <param name="Score">The share of training items it solved.</param>
public sealed record ScoredInstruction(int Step, string Instruction, double Score);
