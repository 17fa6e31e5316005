namespace Agents.Arena;

/// <summary>Settings of OPRO-style prompt evolution (arena file key <c>evolve</c>).</summary>
/// <param name="Strategy">The strategy whose instruction is improved, by its name in the arena file (e.g. "chain-of-thought"); null for the first strategy that has an instruction.</param>
/// <param name="Steps">Optimisation steps after scoring the starting instruction.</param>
/// <param name="Candidates">New instructions asked for per step (OPRO used 8).</param>
/// <param name="TrainItems">Items in the training batch every candidate is scored on.</param>
/// <param name="TestItems">Held-out items on which the best instruction is compared with the starting one.</param>
/// <param name="HistoryShown">The best instructions shown in the meta-prompt (OPRO kept 20).</param>
/// <param name="ExamplesShown">Training problems with answers shown in the meta-prompt.</param>
public sealed record EvolutionOptions(
    string? Strategy = null, int Steps = 4, int Candidates = 4, int TrainItems = 20, int TestItems = 40, int HistoryShown = 20, int ExamplesShown = 3);
