namespace Agents.Arena;

/// <summary>An arena: task sets, strategies, a seed and the bootstrap rounds.</summary>
/// <param name="Name">The arena's name.</param>
/// <param name="Seed">The seed of items, examples, battle order and bootstrap.</param>
/// <param name="TaskSets">The task sets; all strategies meet on the same items.</param>
/// <param name="Strategies">The strategies.</param>
/// <param name="BootstrapRounds">Bootstrap resamples for the 95% intervals.</param>
/// <param name="Examples">Worked examples per kind for few-shot prompts.</param>
/// <param name="BootstrapUnit">What the bootstrap resamples: battles (the default) or items.</param>
/// <param name="Evolution">Prompt evolution settings (the file's <c>evolve</c> section); null for the defaults.</param>
public sealed record ArenaSpec(
    string Name,
    int Seed,
    IReadOnlyList<TaskSetSpec> TaskSets,
    IReadOnlyList<IArenaStrategy> Strategies,
    int BootstrapRounds = 1000,
    int Examples = 3,
    BootstrapUnit BootstrapUnit = BootstrapUnit.Battles,
    EvolutionOptions? Evolution = null);
