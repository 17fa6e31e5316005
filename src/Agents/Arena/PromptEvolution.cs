using Agents.Minds;

namespace Agents.Arena;

/// <summary>
/// Improves one strategy's instruction in the way of OPRO (Yang et al. 2023): score the starting instruction on a
/// training batch; then, each step, show the optimiser the scored history sorted ascending by score (best last) with
/// a few training problems, ask it for several new instructions, score each on the same batch, and keep them all in
/// the history. Finally the best instruction and the starting one are compared on held-out items that neither the
/// optimiser nor the scoring saw. Training, held-out and meta-prompt items come from seeds derived from the arena's;
/// open-ended (judged) task sets are left out, having no score. Stateless and thread-safe.
/// </summary>
public static class PromptEvolution
{
    /// <summary>The optimiser's name in prompts.</summary>
    public const string OptimizerName = "optimizer";

    /// <summary>
    /// Runs the loop: <paramref name="player"/> plays <paramref name="strategy"/>, <paramref name="optimizer"/> proposes
    /// instructions; <paramref name="scored"/> hears each scored instruction as soon as it has its score.
    /// </summary>
    /// <exception cref="ArgumentException">No task set has ground truth.</exception>
    public static async Task<EvolutionResult> RunAsync(
        IInstructedStrategy strategy,
        IReadOnlyList<TaskSetSpec> sets,
        int seed,
        IMind player,
        IMind optimizer,
        EvolutionOptions options,
        Action<ScoredInstruction>? scored,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(player);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TrainItems, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TestItems, 1);
        // A set is judged when its items are: probe one (generators are cheap and pure).
        var graded = sets.Where(s => !s.Generator.Generate(1, new Random(seed)).Single().Judged).ToList();
        if (graded.Count == 0)
        {
            throw new ArgumentException("Prompt evolution needs a task set with ground truth; open-ended tasks have no score.", nameof(sets));
        }

        var (train, examples) = ArenaRunner.Generate(Share(graded, options.TrainItems), unchecked((seed * 31) + 101), 3);
        var (test, _) = ArenaRunner.Generate(Share(graded, options.TestItems), unchecked((seed * 31) + 202), 3);
        var shown = train.Where(t => t.Documents is null).Take(options.ExamplesShown).Select(t => $"{t.Question} => Answer: {t.Answer}").ToList();

        async Task<double> ScoreAsync(string instruction, IReadOnlyList<ArenaTask> items) =>
            (await ArenaRunner.PlayAsync(strategy.WithInstruction(instruction), items, examples, player, null, cancellationToken).ConfigureAwait(false)).Accuracy;

        var start = new ScoredInstruction(0, strategy.Instruction, await ScoreAsync(strategy.Instruction, train).ConfigureAwait(false));
        var history = new List<ScoredInstruction> { start };
        scored?.Invoke(start);
        for (var step = 1; step <= options.Steps; step++)
        {
            var shownHistory = Ascending(history).TakeLast(options.HistoryShown).ToList();
            var decisions = Enumerable.Range(0, options.Candidates)
                .Select(k => new InstructionProposalDecision(OptimizerName, strategy.Name, shownHistory, shown, ((step - 1) * options.Candidates) + k))
                .ToList();
            var replies = await optimizer.AnswerAsync(decisions, cancellationToken).ConfigureAwait(false);
            var known = history.Select(h => h.Instruction).ToHashSet(StringComparer.Ordinal);
            for (var k = 0; k < decisions.Count; k++)
            {
                if (replies[k].Text is not { } reply || !decisions[k].TryParse(reply, out var instruction) || !known.Add(instruction))
                {
                    continue;
                }

                var candidate = new ScoredInstruction(step, instruction, await ScoreAsync(instruction, train).ConfigureAwait(false));
                history.Add(candidate);
                scored?.Invoke(candidate);
            }
        }

        var best = history.Aggregate((a, b) => b.Score > a.Score ? b : a);
        var startTest = await ScoreAsync(start.Instruction, test).ConfigureAwait(false);
        var bestTest = ReferenceEquals(best, start) ? startTest : await ScoreAsync(best.Instruction, test).ConfigureAwait(false);
        return new EvolutionResult(strategy.Name, history, start, best, startTest, bestTest, test.Count);
    }

    /// <summary>
    /// The history as the meta-prompt shows it: ascending by score; among equal scores the older comes later, so the
    /// last line is the earliest of the best (the one <see cref="EvolutionResult.Best"/> names).
    /// </summary>
    public static IEnumerable<ScoredInstruction> Ascending(IEnumerable<ScoredInstruction> history) =>
        history.Select((h, i) => (h, i)).OrderBy(x => x.h.Score).ThenByDescending(x => x.i).Select(x => x.h);

    // Splits `total` items over the sets in proportion to their counts, at least one each.
    private static List<TaskSetSpec> Share(IReadOnlyList<TaskSetSpec> sets, int total)
    {
        var sum = sets.Sum(s => s.Count);
        return sets.Select(s => s with { Count = Math.Max(1, (int)Math.Round((double)total * s.Count / sum)) }).ToList();
    }
}
