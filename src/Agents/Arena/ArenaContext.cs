using Agents.Collaboration;
using Agents.Minds;

namespace Agents.Arena;

/// <summary>What a strategy gets to solve an item: the mind, the tally to charge, and worked examples per task kind.</summary>
/// <param name="Mind">The mind that plays the strategy.</param>
/// <param name="Tally">Where the strategy's costs add up.</param>
/// <param name="Examples">Worked examples ("question => answer") by task kind, for few-shot prompts.</param>
public sealed record ArenaContext(IMind Mind, MindTally Tally, IReadOnlyDictionary<string, IReadOnlyList<string>> Examples);
