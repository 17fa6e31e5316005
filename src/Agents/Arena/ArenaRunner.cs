using System.Diagnostics;
using Agents.Collaboration;
using Agents.Minds;

namespace Agents.Arena;

/// <summary>
/// Plays every strategy on the same generated items, checks answers against the ground truth, turns each item into
/// pairwise battles (the correct strategy beats the wrong one; equal outcomes tie), and rates the strategies.
/// Items are solved one after another (a mind batches within a strategy's calls). Stateless and thread-safe.
/// </summary>
public static class ArenaRunner
{
    /// <summary>Generates the items of <paramref name="spec"/> from its seed (and few-shot examples from a derived seed).</summary>
    public static (IReadOnlyList<ArenaTask> Items, IReadOnlyDictionary<string, IReadOnlyList<string>> Examples) Generate(ArenaSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var random = new Random(spec.Seed);
        var examplesRandom = new Random(unchecked((spec.Seed * 7919) + 1));
        var items = new List<ArenaTask>();
        var examples = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var set in spec.TaskSets)
        {
            items.AddRange(set.Generator.Generate(set.Count, random));
            if (!examples.ContainsKey(set.Generator.Kind))
            {
                examples[set.Generator.Kind] = set.Generator.Generate(spec.Examples, examplesRandom)
                    .Where(t => t.Documents is null)
                    .Select(t => $"{t.Question} => Answer: {t.Answer}")
                    .ToList();
            }
        }

        return (items, examples);
    }

    /// <summary>Runs the arena with <paramref name="mind"/> playing every strategy; <paramref name="progress"/> hears each finished (strategy, item).</summary>
    public static async Task<ArenaResult> RunAsync(ArenaSpec spec, IMind mind, IProgress<(string Strategy, int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(mind);
        var (items, examples) = Generate(spec);
        var names = spec.Strategies.Select(s => s.Name).ToList();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            throw new ArgumentException("Two strategies share a name.", nameof(spec));
        }

        var answers = new Dictionary<string, IReadOnlyDictionary<string, string?>>(StringComparer.Ordinal);
        var correct = new bool[spec.Strategies.Count, items.Count];
        var costs = new List<(MindTally Tally, TimeSpan Time)>();
        for (var s = 0; s < spec.Strategies.Count; s++)
        {
            var strategy = spec.Strategies[s];
            var context = new ArenaContext(mind, new MindTally(), examples);
            var byItem = new Dictionary<string, string?>(StringComparer.Ordinal);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < items.Count; i++)
            {
                var answer = await strategy.SolveAsync(items[i], context, cancellationToken).ConfigureAwait(false);
                byItem[items[i].Id] = answer;
                correct[s, i] = answer is not null && string.Equals(answer, FinalAnswer.Normalize(items[i].Answer), StringComparison.Ordinal);
                progress?.Report((strategy.Name, i + 1, items.Count));
            }

            costs.Add((context.Tally, clock.Elapsed));
            answers[strategy.Name] = byItem;
        }

        var battles = Battles(names, correct, items.Select(i => i.Id).ToList(), new Random(spec.Seed));
        var ratings = RatingBoard.Compute(names, battles, spec.Seed, spec.BootstrapRounds, spec.BootstrapUnit);
        var board = ratings
            .Select(r =>
            {
                var s = names.IndexOf(r.Player);
                var right = Enumerable.Range(0, items.Count).Count(i => correct[s, i]);
                return new StrategyScore(r.Player, r, right, items.Count, costs[s].Tally.Calls, costs[s].Tally.Tokens, costs[s].Time);
            })
            .ToList();
        return new ArenaResult(spec.Name, items, board, battles, answers);
    }

    /// <summary>Pairwise battles per item (win for the only correct one, tie otherwise), shuffled with <paramref name="random"/>.</summary>
    internal static List<Battle> Battles(IReadOnlyList<string> names, bool[,] correct, IReadOnlyList<string> items, Random random)
    {
        var battles = new List<Battle>();
        for (var i = 0; i < items.Count; i++)
        {
            for (var a = 0; a < names.Count; a++)
            {
                for (var b = a + 1; b < names.Count; b++)
                {
                    var score = correct[a, i] == correct[b, i] ? 0.5 : correct[a, i] ? 1 : 0;
                    battles.Add(new Battle(names[a], names[b], score, items[i]));
                }
            }
        }

        for (var k = battles.Count - 1; k > 0; k--)
        {
            var j = random.Next(k + 1);
            (battles[k], battles[j]) = (battles[j], battles[k]);
        }

        return battles;
    }
}
