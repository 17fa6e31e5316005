using Agents.Collaboration;

namespace Agents.Arena;

/// <summary>One strategy's play over a list of items.</summary>
/// <param name="Answers">The normalised answer per item id (null where none parsed).</param>
/// <param name="Accuracy">The share of graded (not judged) items answered correctly; 0 when there are none.</param>
/// <param name="Tally">What the play cost.</param>
/// <param name="WallTime">The wall time of the play.</param>
/// <param name="Calls">The calls made per item id (prompts and raw replies), to see how an answer came about; null when not kept.</param>
public sealed record StrategyPlay(IReadOnlyDictionary<string, string?> Answers, double Accuracy, MindTally Tally, TimeSpan WallTime, IReadOnlyDictionary<string, IReadOnlyList<ArenaCall>>? Calls = null);
