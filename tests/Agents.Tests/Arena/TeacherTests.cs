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

    [Fact]
    public void Two_digit_products_are_worked_by_single_digit_partial_products_and_a_running_sum()
    {
        Assert.Equal(
            ["29*23 = 20*20 + 20*3 + 9*20 + 9*3 = 400 + 60 + 180 + 27", "400 + 60 = 460", "460 + 180 = 640", "640 + 27 = 667", "29*23 = 667"],
            TaskSolvers.MultiplicationSteps(29, 23));
        Assert.Equal(["9*23 = 9*20 + 9*3 = 180 + 27", "180 + 27 = 207", "9*23 = 207"], TaskSolvers.MultiplicationSteps(9, 23));
        Assert.Equal(["20*13 = 20*10 + 20*3 = 200 + 60", "200 + 60 = 260", "20*13 = 260"], TaskSolvers.MultiplicationSteps(20, 13));

        // One line where there is nothing to split: a single partial product, single digits, 0 or 1, three digits or more.
        Assert.Equal(["20*10 = 200"], TaskSolvers.MultiplicationSteps(20, 10));
        Assert.Equal(["7*8 = 56"], TaskSolvers.MultiplicationSteps(7, 8));
        Assert.Equal(["1*29 = 29"], TaskSolvers.MultiplicationSteps(1, 29));
        Assert.Equal(["0*17 = 0"], TaskSolvers.MultiplicationSteps(0, 17));
        Assert.Equal(["709*1554 = 1101786"], TaskSolvers.MultiplicationSteps(709, 1554));
    }

    [Fact]
    public void An_expressions_chain_of_thought_works_each_product_before_summing_left_to_right()
    {
        var solution = TaskSolvers.Solve("What is the result of 11+11*7+16-29*29?")!;

        Assert.Equal("-737", solution.Answer);
        Assert.Equal(
            [
                "11*7 = 10*7 + 1*7 = 70 + 7", "70 + 7 = 77", "11*7 = 77", "11 + 77 = 88", "88 + 16 = 104",
                "29*29 = 20*20 + 20*9 + 9*20 + 9*9 = 400 + 180 + 180 + 81", "400 + 180 = 580", "580 + 180 = 760", "760 + 81 = 841", "29*29 = 841",
                "104 - 841 = -737",
            ],
            solution.Steps);
    }
}
