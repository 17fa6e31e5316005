using Agents.Arena;
using Agents.Collaboration;
using Agents.Tools;

namespace Agents.Tests.Arena;

public sealed class ArenaTests
{
    [Fact]
    public void Arithmetic_items_are_reproducible_and_their_ground_truth_is_right()
    {
        var first = new ArithmeticTasks().Generate(20, new Random(5));
        var second = new ArithmeticTasks().Generate(20, new Random(5));

        Assert.Equal(first, second);
        foreach (var task in first)
        {
            var expression = task.Question["What is the result of ".Length..^1];
            Assert.Matches(@"^\d+\+\d+\*\d+\+\d+-\d+\*\d+$", expression);
            Assert.Equal(task.Answer, DecimalExpression.Format(DecimalExpression.Evaluate(expression)));
        }
    }

    [Fact]
    public void Product_items_have_factors_of_the_asked_digits()
    {
        foreach (var task in new ProductTasks(4, 6).Generate(30, new Random(1)))
        {
            var factors = task.Question["What is the result of ".Length..^1].Split('*');
            Assert.All(factors, f => Assert.InRange(f.Length, 4, 6));
            Assert.Equal(task.Answer, DecimalExpression.Format(DecimalExpression.Evaluate(string.Join('*', factors))));
        }
    }

    [Fact]
    public void Multi_hop_answers_are_reachable_in_two_searches_of_the_knowledge_base()
    {
        foreach (var task in new MultiHopTasks().Generate(10, new Random(3)))
        {
            var kb = new KnowledgeBasePlugin(task.Documents!);
            var person = task.Question["In which region is the town where ".Length..^" lives?".Length];
            var town = kb.Search(person).Split("lives in ")[1].Split('.')[0];
            var region = kb.Search(town).Split("region of ")[1].Split('.')[0];

            Assert.Equal(task.Answer, FinalAnswer.Normalize(region));
            Assert.DoesNotContain(region, task.Question, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Battles_reward_the_only_correct_strategy_and_tie_otherwise()
    {
        var correct = new bool[,] { { true, true }, { false, true }, { false, false } };

        var battles = ArenaRunner.Battles(["a", "b", "c"], correct, ["i0", "i1"], new Random(0));

        Assert.Equal(6, battles.Count);
        Assert.Equal(3, battles.Count(b => b is { A: "a", ScoreA: 1 }));
        Assert.Single(battles, b => b is { A: "b", B: "c", ScoreA: 1 });
        Assert.Equal(2, battles.Count(b => b.ScoreA == 0.5));
        Assert.DoesNotContain(battles, b => b.ScoreA == 0);
    }

    [Fact]
    public async Task On_long_products_tools_beat_chain_of_thought_which_beats_direct_answers_with_separate_intervals()
    {
        var spec = new ArenaSpec(
            "products",
            Seed: 11,
            TaskSets: [new TaskSetSpec(new ProductTasks(2, 3), 60)],
            Strategies: [new PromptStrategy(SolveStyle.Direct), new PromptStrategy(SolveStyle.ChainOfThought), new ReActStrategy()],
            BootstrapRounds: 300);

        var result = await ArenaRunner.RunAsync(spec, new SimulatedSolverMind(seed: 1), null, default);

        Assert.Equal(["react+tools", "chain-of-thought", "direct"], result.Leaderboard.Select(s => s.Strategy));
        Assert.Equal(1.0, result.Leaderboard[0].Accuracy);
        Assert.True(result.Leaderboard[0].Rating.Lower > result.Leaderboard[2].Rating.Upper);
        Assert.Equal(60 * 3, result.Battles.Count);
        Assert.All(result.Leaderboard, s => Assert.True(s.Calls >= 60 && s.Tokens > 0));
        Assert.Equal(2 * 60, result.Leaderboard[0].Calls);
    }

    [Fact]
    public async Task Every_strategy_plays_the_same_items_and_multi_hop_needs_the_lookup_tool()
    {
        var spec = new ArenaSpec(
            "mixed",
            Seed: 2,
            TaskSets: [new TaskSetSpec(new ArithmeticTasks(), 4), new TaskSetSpec(new MultiHopTasks(), 4)],
            Strategies:
            [
                new PromptStrategy(SolveStyle.Direct), new PromptStrategy(SolveStyle.FewShot), new PromptStrategy(SolveStyle.ChainOfThought),
                new SelfConsistencyStrategy(3), new ReActStrategy(), new DebateStrategy(3, 1), new AdversarialDebateStrategy(), new AgentVerseStrategy(),
            ],
            BootstrapRounds: 50);

        var result = await ArenaRunner.RunAsync(spec, new SimulatedSolverMind(), null, default);

        Assert.Equal(8, result.Leaderboard.Count);
        Assert.All(result.Answers.Values, byItem => Assert.Equal(result.Items.Select(i => i.Id).Order(), byItem.Keys.Order()));
        var multiHop = result.Items.Where(i => i.Kind == "multihop").ToList();
        Assert.All(multiHop, i => Assert.Equal(i.Answer, result.Answers["react+tools"][i.Id]));
        Assert.All(multiHop, i => Assert.NotEqual(i.Answer, result.Answers["direct"][i.Id]));
        Assert.Equal(3, result.Leaderboard.Single(s => s.Strategy == "self-consistency@3").Calls / 8);

        // Every call is kept per strategy and item, as many as the tally counted, each with its prompt and raw reply.
        Assert.All(result.Leaderboard, s => Assert.Equal(s.Calls, result.Calls![s.Strategy].Values.Sum(c => c.Count)));
        var hop = multiHop[0];
        var react = result.Calls!["react+tools"][hop.Id];
        Assert.All(react, c => Assert.Equal("react step", c.Decision));
        Assert.All(react, c => Assert.Contains(hop.Question, c.Prompt, StringComparison.Ordinal));
        Assert.Contains($"Finish[{hop.Answer}]", react[^1].Reply, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Observation 1: ", react[^1].Prompt, StringComparison.Ordinal);
    }
}
