namespace Agents.Arena;

/// <summary>The outcome of an arena: the leaderboard (best first), every battle, and each strategy's answers.</summary>
/// <param name="Name">The arena's name.</param>
/// <param name="Items">The items played.</param>
/// <param name="Leaderboard">One score per strategy, best rating first.</param>
/// <param name="Battles">Every pairwise battle, in the (seeded) order online Elo saw them.</param>
/// <param name="Answers">Each strategy's normalised answer per item id (null where unparseable).</param>
/// <param name="JudgeCalls">Calls the judge made on open-ended items (two per compared pair and item).</param>
/// <param name="Programs">Each strategy's program score per function item id (ChatDev quality and hidden tests); null when the arena had no function items.</param>
/// <param name="Calls">Each strategy's calls per item id (prompts and raw replies); null when not kept.</param>
public sealed record ArenaResult(
    string Name,
    IReadOnlyList<ArenaTask> Items,
    IReadOnlyList<StrategyScore> Leaderboard,
    IReadOnlyList<Battle> Battles,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> Answers,
    long JudgeCalls = 0,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, Collaboration.Programs.ProgramScore>>? Programs = null,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<ArenaCall>>>? Calls = null);
