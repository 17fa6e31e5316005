using System.Globalization;
using Agents.Arena;
using Agents.Decisions;
using Agents.Tests.Collaboration;

namespace Agents.Tests.Arena;

public sealed class PromptEvolutionTests
{
    private static readonly TaskSetSpec[] Sets = [new(new WordProblemTasks(), 30), new(new ArithmeticTasks(), 20), new(new OpenEndedTasks(), 5)];

    [Fact]
    public void The_stand_in_responds_to_the_documented_cues_and_nothing_else()
    {
        Assert.Equal(new InstructionCues(false, false, false, false), InstructionCues.Read(SolveDecision.DefaultInstruction(SolveStyle.Direct)));
        Assert.Equal(new InstructionCues(true, false, false, false), InstructionCues.Read(SolveDecision.DefaultInstruction(SolveStyle.ChainOfThought)));
        Assert.Equal(new InstructionCues(false, true, true, false), InstructionCues.Read("Verify your sums and IGNORE irrelevant numbers."));
        Assert.Equal(0.25 * 0.25, InstructionCues.Read("check").Apply(0.25), 10);
        Assert.Equal(0.1 * 0.1, InstructionCues.Read("step by step, then check").Apply(0.25), 10);
        Assert.Equal(0.375, InstructionCues.Read("be quick").Apply(0.25), 10);
        Assert.Equal(3, InstructionCues.Tips.Count(t => InstructionCues.Read(t) is { Steps: false, Check: false, Relevance: false }));
    }

    [Fact]
    public async Task Evolving_the_direct_instruction_with_the_stand_in_gains_on_held_out_items()
    {
        var mind = new SimulatedSolverMind(seed: 1);
        var heard = new List<ScoredInstruction>();

        var result = await PromptEvolution.RunAsync(
            new PromptStrategy(SolveStyle.Direct), Sets, seed: 9, mind, mind, new EvolutionOptions(Steps: 4, Candidates: 4, TrainItems: 20, TestItems: 60), heard.Add, default);

        Assert.Equal(heard, result.History);
        Assert.Equal(SolveDecision.DefaultInstruction(SolveStyle.Direct), result.Start.Instruction);
        Assert.True(result.History.Count is > 5 and <= 17);
        Assert.Equal(result.History.Max(h => h.Score), result.Best.Score);
        Assert.True(result.Gain >= 0.3, $"gain {result.Gain}: {result.StartTestScore} -> {result.BestTestScore} with '{result.Best.Instruction}'");
        var cues = InstructionCues.Read(result.Best.Instruction);
        Assert.True(cues.Relevance && (cues.Check || cues.Steps), result.Best.Instruction);
        Assert.Equal(result.History.Count, result.History.Select(h => h.Instruction).Distinct().Count());
    }

    [Fact]
    public async Task The_meta_prompt_lists_the_scored_history_ascending_with_training_examples_and_the_loop_is_deterministic()
    {
        var prompts = new List<string>();
        var optimizer = new RuleMind(p =>
        {
            prompts.Add(p);
            var sample = RuleMind.Field(p, "Sample");
            return $"Instruction: Try number {sample}; check every step.";
        });
        var player = new SimulatedSolverMind();
        var options = new EvolutionOptions(Steps: 2, Candidates: 3, TrainItems: 10, TestItems: 10, ExamplesShown: 2);

        var first = await PromptEvolution.RunAsync(new PromptStrategy(SolveStyle.ChainOfThought), Sets, 3, player, optimizer, options, null, default);
        var second = await PromptEvolution.RunAsync(new PromptStrategy(SolveStyle.ChainOfThought), Sets, 3, player, optimizer, options, null, default);

        Assert.Equal(first.History, second.History);
        Assert.Equal(7, first.History.Count);
        var last = new PromptReader(prompts[5]);
        Assert.Equal(InstructionProposalDecision.Name, last.Type);
        Assert.Equal("4", last.Field("Instructions"));
        var scores = Enumerable.Range(1, 4).Select(n => double.Parse(last.Field(InstructionProposalDecision.ScoreLabel(n))!.TrimEnd('%', ' '), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.Order(), scores);
        Assert.NotNull(last.Field("Example 2"));
        Assert.Null(last.Field("Example 3"));
        Assert.Matches(@"^-?\d+$", last.Field("Example 1 answer"));
        Assert.True(last.Field("Example 1")!.Length > 150, "a word problem is shown whole");
        Assert.Contains("chain-of-thought", last.Field("Strategy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_ended_sets_alone_cannot_be_evolved()
    {
        var mind = new SimulatedSolverMind();

        await Assert.ThrowsAsync<ArgumentException>(() => PromptEvolution.RunAsync(
            new PromptStrategy(SolveStyle.Direct), [new TaskSetSpec(new OpenEndedTasks(), 5)], 1, mind, mind, new EvolutionOptions(), null, default));
    }
}
