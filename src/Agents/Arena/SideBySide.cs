using Agents.Collaboration;
using Agents.Minds;

namespace Agents.Arena;

/// <summary>
/// LLM-as-judge without position bias: each pair of answers is judged twice, once in each order; the battle goes to
/// an answer only when both verdicts name it, and a verdict that flips with the order (or a tie in either) is a tie.
/// A missing answer loses to a present one without asking the judge. Stateless and thread-safe.
/// </summary>
public static class SideBySide
{
    /// <summary>The judge's name in prompts.</summary>
    public const string JudgeName = "judge";

    /// <summary>
    /// Scores of the first answer of each pair (1 it wins, 0 it loses, 0.5 tie), asking <paramref name="judge"/> both
    /// orders of every pair that needs a verdict in one batch.
    /// </summary>
    public static async Task<IReadOnlyList<double>> CompareAsync(
        IMind judge, MindTally tally, string task, IReadOnlyList<(string? First, string? Second)> pairs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(pairs);
        var scores = new double[pairs.Count];
        var asked = new List<int>();
        var decisions = new List<SideBySideDecision>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var (first, second) = pairs[i];
            if (string.IsNullOrWhiteSpace(first) || string.IsNullOrWhiteSpace(second) || string.Equals(first, second, StringComparison.Ordinal))
            {
                scores[i] = string.IsNullOrWhiteSpace(first) == string.IsNullOrWhiteSpace(second) ? 0.5 : string.IsNullOrWhiteSpace(second) ? 1 : 0;
                continue;
            }

            asked.Add(i);
            decisions.Add(new SideBySideDecision(JudgeName, task, first, second));
            decisions.Add(new SideBySideDecision(JudgeName, task, second, first));
        }

        if (decisions.Count == 0)
        {
            return scores;
        }

        var replies = await tally.AskAsync(judge, decisions, cancellationToken).ConfigureAwait(false);
        for (var k = 0; k < asked.Count; k++)
        {
            var inOrder = decisions[2 * k].Resolve(replies[2 * k]).Value;
            var swapped = decisions[(2 * k) + 1].Resolve(replies[(2 * k) + 1]).Value;
            scores[asked[k]] = Combine(inOrder, swapped);
        }

        return scores;
    }

    /// <summary>The first answer's score from the verdict with it shown first and the verdict with it shown second.</summary>
    public static double Combine(SideBySideWinner shownFirst, SideBySideWinner shownSecond) => (shownFirst, shownSecond) switch
    {
        (SideBySideWinner.A, SideBySideWinner.B) => 1,
        (SideBySideWinner.B, SideBySideWinner.A) => 0,
        _ => 0.5,
    };
}
