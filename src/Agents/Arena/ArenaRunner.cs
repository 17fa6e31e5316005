using System.Diagnostics;
using Agents.Collaboration;
using Agents.Collaboration.Programs;
using Agents.Minds;

namespace Agents.Arena;

/// <summary>
/// Plays every strategy on the same generated items, checks answers against the ground truth, turns each item into
/// pairwise battles (the correct strategy beats the wrong one; equal outcomes tie; on open-ended items a judge decides
/// side by side in both orders), and rates the strategies. Items are solved one after another (a mind batches within
/// a strategy's calls). Stateless and thread-safe.
/// </summary>
public static class ArenaRunner
{
    /// <summary>Generates the items of <paramref name="spec"/> from its seed (and few-shot examples from a derived seed).</summary>
    public static (IReadOnlyList<ArenaTask> Items, IReadOnlyDictionary<string, IReadOnlyList<string>> Examples) Generate(ArenaSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Generate(spec.TaskSets, spec.Seed, spec.Examples);
    }

    /// <summary>Generates the items of <paramref name="sets"/> from <paramref name="seed"/>, with <paramref name="examples"/> worked examples per kind.</summary>
    public static (IReadOnlyList<ArenaTask> Items, IReadOnlyDictionary<string, IReadOnlyList<string>> Examples) Generate(IReadOnlyList<TaskSetSpec> sets, int seed, int examples)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var random = new Random(seed);
        var examplesRandom = new Random(unchecked((seed * 7919) + 1));
        var items = new List<ArenaTask>();
        var worked = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            items.AddRange(set.Generator.Generate(set.Count, random));
            if (!worked.ContainsKey(set.Generator.Kind))
            {
                worked[set.Generator.Kind] = set.Generator.Generate(examples, examplesRandom)
                    .Where(t => t.Documents is null)
                    .Select(t => $"{t.Question} => Answer: {t.Answer}")
                    .ToList();
            }
        }

        return (items, worked);
    }

    /// <summary>Runs the arena with <paramref name="mind"/> playing every strategy and judging open-ended items; <paramref name="progress"/> hears each finished (strategy, item).</summary>
    public static Task<ArenaResult> RunAsync(ArenaSpec spec, IMind mind, IProgress<(string Strategy, int Done, int Total)>? progress, CancellationToken cancellationToken) =>
        RunAsync(spec, mind, null, progress, cancellationToken);

    /// <summary>
    /// Runs the arena with <paramref name="mind"/> playing every strategy and <paramref name="judge"/> (the player when
    /// null) comparing answers to open-ended items; <paramref name="progress"/> hears each finished (strategy, item).
    /// </summary>
    public static async Task<ArenaResult> RunAsync(ArenaSpec spec, IMind mind, IMind? judge, IProgress<(string Strategy, int Done, int Total)>? progress, CancellationToken cancellationToken)
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
        var calls = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<ArenaCall>>>(StringComparer.Ordinal);
        var correct = new bool[spec.Strategies.Count, items.Count];
        var costs = new List<(MindTally Tally, TimeSpan Time)>();
        for (var s = 0; s < spec.Strategies.Count; s++)
        {
            var strategy = spec.Strategies[s];
            var played = await PlayAsync(strategy, items, examples, mind, p => progress?.Report((strategy.Name, p, items.Count)), cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < items.Count; i++)
            {
                correct[s, i] = items[i].IsCorrect(played.Answers[items[i].Id]);
            }

            costs.Add((played.Tally, played.WallTime));
            answers[strategy.Name] = played.Answers;
            calls[strategy.Name] = played.Calls!;
        }

        var programs = ScorePrograms(items, answers);
        var judgeTally = new MindTally();
        var judged = await JudgedBattlesAsync(names, items, answers, judge ?? mind, judgeTally, cancellationToken).ConfigureAwait(false);
        var truthIds = items.Select(i => i.Judged ? null : i.Id).ToList();
        var battles = Shuffle(GroundTruthBattles(names, correct, truthIds).Concat(judged).ToList(), new Random(spec.Seed));
        var ratings = RatingBoard.Compute(names, battles, spec.Seed, spec.BootstrapRounds, spec.BootstrapUnit);
        var graded = Enumerable.Range(0, items.Count).Where(i => !items[i].Judged).ToList();
        var board = ratings
            .Select(r =>
            {
                var s = names.IndexOf(r.Player);
                var right = graded.Count(i => correct[s, i]);
                var mine = judged.Where(b => b.A == r.Player || b.B == r.Player).Select(b => b.A == r.Player ? b.ScoreA : 1 - b.ScoreA).ToList();
                var code = programs?[r.Player].Values;
                return new StrategyScore(
                    r.Player, r, right, graded.Count, costs[s].Tally.Calls, costs[s].Tally.Tokens, costs[s].Time, mine.Count > 0 ? mine.Average() : null, code?.Average(p => p.Quality), code?.Average(p => p.PassRate));
            })
            .ToList();
        return new ArenaResult(spec.Name, items, board, battles, answers, judgeTally.Calls, programs, calls);
    }

    /// <summary>
    /// Each strategy's program score (ChatDev quality, hidden tests) per function item; null when no item is a
    /// function spec. A missing answer scores 0.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, ProgramScore>>? ScorePrograms(
        IReadOnlyList<ArenaTask> items, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> answers)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(answers);
        var specs = items.Select(i => (Item: i, Spec: FunctionSpecTasks.SpecOf(i))).Where(x => x.Spec is not null).ToList();
        if (specs.Count == 0)
        {
            return null;
        }

        return answers.ToDictionary(
            a => a.Key,
            a => (IReadOnlyDictionary<string, ProgramScore>)specs.ToDictionary(x => x.Item.Id, x => x.Spec!.Score(a.Value.GetValueOrDefault(x.Item.Id)), StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    /// <summary>How many items one strategy plays at once: a batching mind (the bundled model) answers their decisions together.</summary>
    public const int ItemsInFlight = 16;

    /// <summary>
    /// Plays one strategy on <paramref name="items"/>, <see cref="ItemsInFlight"/> at a time (items are independent; the
    /// simulated mind answers per prompt, so its results do not depend on the interleaving, while a model's may vary
    /// slightly with how its replies are batched): its normalised answer per item id (null where none parsed), the share
    /// of graded items it got right, what it cost, and the calls it made per item.
    /// </summary>
    public static async Task<StrategyPlay> PlayAsync(
        IArenaStrategy strategy, IReadOnlyList<ArenaTask> items, IReadOnlyDictionary<string, IReadOnlyList<string>> examples, IMind mind, Action<int>? done, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(mind);
        var context = new ArenaContext(mind, new MindTally(), examples);
        var answers = new string?[items.Count];
        var logs = new CallLogMind[items.Count];
        var clock = Stopwatch.StartNew();
        var finished = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ItemsInFlight, CancellationToken = cancellationToken },
            async (i, cancel) =>
            {
                logs[i] = new CallLogMind(mind);
                answers[i] = await strategy.SolveAsync(items[i], context with { Mind = logs[i] }, cancel).ConfigureAwait(false);
                done?.Invoke(Interlocked.Increment(ref finished));
            }).ConfigureAwait(false);

        var byItem = new Dictionary<string, string?>(StringComparer.Ordinal);
        var calls = new Dictionary<string, IReadOnlyList<ArenaCall>>(StringComparer.Ordinal);
        var right = 0;
        for (var i = 0; i < items.Count; i++)
        {
            byItem[items[i].Id] = answers[i];
            calls[items[i].Id] = logs[i].Calls;
            right += items[i].IsCorrect(answers[i]) ? 1 : 0;
        }

        var graded = items.Count(i => !i.Judged);
        return new StrategyPlay(byItem, graded == 0 ? 0 : (double)right / graded, context.Tally, clock.Elapsed, calls);
    }

    /// <summary>Pairwise battles per item (win for the only correct one, tie otherwise), shuffled with <paramref name="random"/>.</summary>
    internal static List<Battle> Battles(IReadOnlyList<string> names, bool[,] correct, IReadOnlyList<string> items, Random random) =>
        Shuffle(GroundTruthBattles(names, correct, items), random);

    // Items with a null id (judged ones) give no ground-truth battles.
    private static List<Battle> GroundTruthBattles(IReadOnlyList<string> names, bool[,] correct, IReadOnlyList<string?> items)
    {
        var battles = new List<Battle>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } id)
            {
                continue;
            }

            for (var a = 0; a < names.Count; a++)
            {
                for (var b = a + 1; b < names.Count; b++)
                {
                    var score = correct[a, i] == correct[b, i] ? 0.5 : correct[a, i] ? 1 : 0;
                    battles.Add(new Battle(names[a], names[b], score, id));
                }
            }
        }

        return battles;
    }

    private static async Task<List<Battle>> JudgedBattlesAsync(
        IReadOnlyList<string> names, IReadOnlyList<ArenaTask> items, Dictionary<string, IReadOnlyDictionary<string, string?>> answers, IMind judge, MindTally tally, CancellationToken cancellationToken)
    {
        var battles = new List<Battle>();
        foreach (var item in items.Where(i => i.Judged))
        {
            var pairs = new List<(string A, string B)>();
            for (var a = 0; a < names.Count; a++)
            {
                for (var b = a + 1; b < names.Count; b++)
                {
                    pairs.Add((names[a], names[b]));
                }
            }

            var scores = await SideBySide.CompareAsync(judge, tally, item.Question, pairs.Select(p => (answers[p.A][item.Id], answers[p.B][item.Id])).ToList(), cancellationToken).ConfigureAwait(false);
            battles.AddRange(pairs.Select((p, k) => new Battle(p.A, p.B, scores[k], item.Id)));
        }

        return battles;
    }

    private static List<Battle> Shuffle(List<Battle> battles, Random random)
    {
        for (var k = battles.Count - 1; k > 0; k--)
        {
            var j = random.Next(k + 1);
            (battles[k], battles[j]) = (battles[j], battles[k]);
        }

        return battles;
    }
}
