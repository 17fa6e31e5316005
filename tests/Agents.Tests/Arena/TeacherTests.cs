using Agents.Arena;

namespace Agents.Tests.Arena;

public sealed class TeacherTests
{
    private static readonly TaskSetSpec[] Every =
    [
        new(new ArithmeticTasks(), 6), new(new ProductTasks(3, 5), 6), new(new MultiHopTasks(), 6),
        new(new WordProblemTasks(), 8), new(new TwentyFourTasks(), 8), new(new OpenEndedTasks(), 3),
    ];

    [Fact]
    public async Task The_programmatic_solvers_answer_every_graded_item_with_chain_of_thought_and_react_except_lookups_without_tools()
    {
        var (items, examples) = ArenaRunner.Generate(Every, seed: 12, examples: 2);
        var teacher = new TeacherMind();

        var cot = await ArenaRunner.PlayAsync(new PromptStrategy(SolveStyle.ChainOfThought), items, examples, teacher, null, default);
        var react = await ArenaRunner.PlayAsync(new ReActStrategy(), items, examples, teacher, null, default);

        Assert.Equal(1.0, react.Accuracy);
        var graded = items.Where(i => !i.Judged).ToList();
        Assert.All(graded.Where(i => i.Kind != "multihop"), i => Assert.True(i.IsCorrect(cot.Answers[i.Id]), i.Question));
        Assert.All(graded.Where(i => i.Kind == "multihop"), i => Assert.Null(cot.Answers[i.Id]));
        Assert.All(items.Where(i => i.Judged), i => Assert.Equal(i.Answer, cot.Answers[i.Id]));
    }

    [Fact]
    public async Task The_stand_in_errs_around_the_teacher_more_when_answering_directly_than_step_by_step()
    {
        var sets = new TaskSetSpec[] { new(new WordProblemTasks(), 60), new(new TwentyFourTasks(), 40) };
        var (items, examples) = ArenaRunner.Generate(sets, seed: 4, examples: 2);
        var mind = new SimulatedSolverMind(seed: 2);

        var direct = await ArenaRunner.PlayAsync(new PromptStrategy(SolveStyle.Direct), items, examples, mind, null, default);
        var cot = await ArenaRunner.PlayAsync(new PromptStrategy(SolveStyle.ChainOfThought), items, examples, mind, null, default);
        var react = await ArenaRunner.PlayAsync(new ReActStrategy(), items, examples, mind, null, default);

        Assert.InRange(direct.Accuracy, 0.05, 0.5);
        Assert.InRange(cot.Accuracy, 0.55, 0.95);
        Assert.InRange(react.Accuracy, 0.8, 1.0);
    }
}
