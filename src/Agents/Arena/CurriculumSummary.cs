namespace Agents.Arena;

/// <summary>What a curriculum holds.</summary>
/// <param name="Lines">Chat JSONL lines written (one per decision call).</param>
/// <param name="Items">Items with at least one trace written (a strategy solved them; multi-hop items only with ReAct).</param>
/// <param name="Dropped">Items with no trace written: no strategy of the curriculum solved them.</param>
/// <param name="ByDecision">Lines per decision type.</param>
/// <param name="Strategies">The strategies whose decisions were written.</param>
public sealed record CurriculumSummary(long Lines, int Items, int Dropped, IReadOnlyDictionary<string, long> ByDecision, IReadOnlyList<string> Strategies);
