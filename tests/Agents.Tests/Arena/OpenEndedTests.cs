using Agents.Arena;
using Agents.Collaboration;
using Agents.Tests.Collaboration;

namespace Agents.Tests.Arena;

public sealed class OpenEndedTests
{
    private static readonly SloganBrief Pebble = new("Pebble", "water bottle", "keeps drinks cold all day", ["cold", "day"]);

    [Fact]
    public void Slogan_questions_read_back_into_their_brief_and_the_written_slogan_earns_every_point()
    {
        foreach (var task in new OpenEndedTasks().Generate(20, new Random(2)))
        {
            Assert.True(task.Judged);
            Assert.False(task.IsCorrect(task.Answer));
            Assert.True(OpenEndedTasks.TryReadBrief(task.Question, out var brief), task.Question);
            Assert.Equal(SloganRubric.MaxScore(brief), SloganRubric.Score(brief, SloganRubric.Write(brief)));
            Assert.Equal(SloganRubric.MaxScore(brief), SloganRubric.Score(brief, task.Answer));
        }
    }

    [Theory]
    [InlineData("Pebble keeps drinks cold all day / Pebble: cold and day, every time", 7)]
    [InlineData("pebble keeps drinks cold all day", 5)]
    [InlineData("A bottle / a bottle", 1)]
    [InlineData("This bottle, the one for everyone who walks and runs and climbs / made with care", 2)]
    [InlineData("", 0)]
    public void The_rubric_counts_lines_name_keywords_and_length(string slogan, int score)
    {
        Assert.Equal(score, SloganRubric.Score(Pebble, slogan));
    }

    [Theory]
    [InlineData(SideBySideWinner.A, SideBySideWinner.B, 1.0)]
    [InlineData(SideBySideWinner.B, SideBySideWinner.A, 0.0)]
    [InlineData(SideBySideWinner.A, SideBySideWinner.A, 0.5)]
    [InlineData(SideBySideWinner.B, SideBySideWinner.B, 0.5)]
    [InlineData(SideBySideWinner.Tie, SideBySideWinner.B, 0.5)]
    [InlineData(SideBySideWinner.A, SideBySideWinner.Tie, 0.5)]
    public void A_verdict_that_flips_with_the_order_is_a_tie(SideBySideWinner shownFirst, SideBySideWinner shownSecond, double score)
    {
        Assert.Equal(score, SideBySide.Combine(shownFirst, shownSecond));
    }

    [Fact]
    public async Task Both_orders_are_asked_and_a_judge_with_position_bias_only_decides_clear_cases()
    {
        var question = OpenEndedTasks.Question(Pebble);
        var best = SloganRubric.Write(Pebble);
        var judge = new SimulatedSolverMind();
        var tally = new MindTally();

        var scores = await SideBySide.CompareAsync(
            judge,
            tally,
            question,
            [(best, "pebble / a bottle"), ("pebble / a bottle", best), ("pebble is cold / pebble all day", "pebble all day / pebble is cold"), (best, null), (null, null), (best, best)],
            default);

        Assert.Equal([1.0, 0.0, 0.5, 1.0, 0.5, 0.5], scores);
        Assert.Equal(2 * 3, tally.Decisions);
    }

    [Fact]
    public async Task A_judge_that_always_prefers_the_first_answer_makes_every_battle_a_tie()
    {
        var alwaysFirst = new RuleMind(_ => "The first one.\nWinner: A");

        var scores = await SideBySide.CompareAsync(alwaysFirst, new MindTally(), "Write a poem.", [("roses", "violets"), ("violets", "roses")], default);

        Assert.Equal([0.5, 0.5], scores);
        Assert.Equal(4, alwaysFirst.Prompts.Count);
        Assert.Contains(alwaysFirst.Prompts, p => p.Contains("Answer A: roses", StringComparison.Ordinal) && p.Contains("Answer B: violets", StringComparison.Ordinal));
        Assert.Contains(alwaysFirst.Prompts, p => p.Contains("Answer A: violets", StringComparison.Ordinal) && p.Contains("Answer B: roses", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_an_arena_judged_items_give_battles_but_no_accuracy_and_the_judge_is_charged_apart()
    {
        var spec = new ArenaSpec(
            "slogans",
            Seed: 5,
            TaskSets: [new TaskSetSpec(new OpenEndedTasks(), 8), new TaskSetSpec(new ArithmeticTasks(), 8)],
            Strategies: [new PromptStrategy(SolveStyle.Direct), new PromptStrategy(SolveStyle.ChainOfThought), new ReActStrategy()],
            BootstrapRounds: 50);

        var result = await ArenaRunner.RunAsync(spec, new SimulatedSolverMind(seed: 3), new TeacherMind(), null, default);

        Assert.Equal(16 * 3, result.Battles.Count);
        Assert.Equal(8 * 3, result.Battles.Count(b => b.Item!.StartsWith("slogan", StringComparison.Ordinal)));
        Assert.All(result.Leaderboard, s => Assert.Equal(8, s.Items));
        Assert.All(result.Leaderboard, s => Assert.NotNull(s.JudgedScore));
        Assert.InRange(result.JudgeCalls, 2, 2 * 8 * 3);

        // Chain-of-thought slogans rarely lose a rubric point; direct ones often do.
        var cot = result.Leaderboard.Single(s => s.Strategy == "chain-of-thought").JudgedScore!.Value;
        var direct = result.Leaderboard.Single(s => s.Strategy == "direct").JudgedScore!.Value;
        Assert.True(cot > direct, $"chain-of-thought {cot}, direct {direct}");
    }

    [Fact]
    public async Task A_separate_judge_answers_every_side_by_side_call_and_the_players_calls_stay_the_same()
    {
        var spec = new ArenaSpec(
            "slogans",
            Seed: 7,
            TaskSets: [new TaskSetSpec(new OpenEndedTasks(), 6), new TaskSetSpec(new ArithmeticTasks(), 4)],
            Strategies: [new PromptStrategy(SolveStyle.Direct), new PromptStrategy(SolveStyle.ChainOfThought), new SelfConsistencyStrategy(3)],
            BootstrapRounds: 20);
        var alone = new CountingMind(new SimulatedSolverMind(seed: 2));
        var player = new CountingMind(new SimulatedSolverMind(seed: 2));
        var judge = new CountingMind(new TeacherMind());

        var selfJudged = await ArenaRunner.RunAsync(spec, alone, null, default);
        var judged = await ArenaRunner.RunAsync(spec, player, judge, null, default);

        // The judge answers side-by-side decisions only, all of them, and none of the strategies' calls.
        Assert.True(judge.Types.Count > 0);
        Assert.Equal([SideBySideDecision.Name], judge.Types.Distinct());
        Assert.Equal(judge.Types.Count, judged.JudgeCalls);
        Assert.DoesNotContain(SideBySideDecision.Name, player.Types);
        Assert.Equal(player.Types.Count, judged.Leaderboard.Sum(s => s.Calls));

        // Playing is the same with or without a separate judge; only who judges (and so the verdicts) differs.
        Assert.Equal(selfJudged.Leaderboard.OrderBy(s => s.Strategy).Select(s => s.Calls), judged.Leaderboard.OrderBy(s => s.Strategy).Select(s => s.Calls));
        Assert.Equal(alone.Types.Count - player.Types.Count, selfJudged.JudgeCalls);
        Assert.Equal(selfJudged.Answers.ToDictionary(a => a.Key, a => a.Value.ToList()), judged.Answers.ToDictionary(a => a.Key, a => a.Value.ToList()));
    }

    // Passes decisions through to a mind and records their types.
    private sealed class CountingMind(Agents.Minds.IMind inner) : Agents.Minds.IMind
    {
        public List<string> Types { get; } = [];

        public Task<IReadOnlyList<Agents.Minds.MindReply>> AnswerAsync(IReadOnlyList<Agents.Decisions.IDecision> batch, CancellationToken cancellationToken)
        {
            lock (Types)
            {
                Types.AddRange(batch.Select(d => d.Type));
            }

            return inner.AnswerAsync(batch, cancellationToken);
        }
    }
}
