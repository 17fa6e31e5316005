using Agents.Arena;
using Agents.Collaboration;
using Agents.Collaboration.Programs;

namespace Agents.Tests.Arena;

public sealed class FunctionSpecTests
{
    public static TheoryData<string> Functions => new(FunctionSpecTasks.AllFunctions);

    [Theory]
    [MemberData(nameof(Functions))]
    public void Every_reference_program_passes_its_hidden_tests_for_many_constants(string function)
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var spec = FunctionSpecTasks.Create(function, new Random(seed));

            var report = spec.Grade(spec.ReferenceProgram);

            Assert.True(report.AllPassed, $"{spec.Requirement}\n{spec.ReferenceProgram}\n{report.Text}");
            Assert.Equal(FunctionSpec.HiddenTestCount, report.Total);
            Assert.Equal(spec.Example.Expected, MiniParser.Parse(spec.ReferenceProgram).Evaluate(spec.Example.Call));
        }
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void A_question_fits_a_prompt_field_and_reads_back_as_the_same_spec(string function)
    {
        var spec = FunctionSpecTasks.Create(function, new Random(3));

        Assert.True(spec.Question.Length <= 400, $"{spec.Question.Length}: {spec.Question}");
        Assert.DoesNotContain('\n', spec.Question);
        Assert.True(FunctionSpec.TryRead(spec.Question, out var read));
        Assert.Equal(spec.Requirement, read.Requirement);
        Assert.Equal(spec.HiddenTests, read.HiddenTests);
        Assert.True(FunctionSpec.TryRead(spec.Brief, out var fromBrief));
        Assert.Equal(spec.Requirement, fromBrief.Requirement);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void A_flawed_program_fails_a_hidden_test(string function)
    {
        var spec = FunctionSpecTasks.Create(function, new Random(5));

        var flawed = FunctionSpecSolver.Flawed(spec);

        Assert.NotEqual(spec.ReferenceProgram, flawed);
        Assert.False(spec.Grade(flawed).AllPassed);
    }

    [Fact]
    public void The_generator_is_seeded_and_its_items_are_graded_by_running_the_program()
    {
        var generator = new FunctionSpecTasks();
        var tasks = generator.Generate(30, new Random(11));

        Assert.Equal(tasks, generator.Generate(30, new Random(11)));
        Assert.True(tasks.Select(t => t.Question).Distinct().Count() > 10);
        foreach (var task in tasks)
        {
            Assert.Equal("function", task.Kind);
            Assert.True(FunctionSpecSolver.TrySolve(task.Question, out var program));
            Assert.True(task.IsCorrect(program));

            // The arena normalises answers (lower case, one line): the program still runs.
            Assert.True(task.IsCorrect(FinalAnswer.Normalize(program)));
            Assert.False(task.IsCorrect(FunctionSpecSolver.Flawed(FunctionSpecTasks.SpecOf(task)!)));
            Assert.False(task.IsCorrect("42"));
            Assert.False(task.IsCorrect(null));
        }
    }

    [Fact]
    public void A_different_but_correct_program_in_a_code_block_is_correct()
    {
        var task = new FunctionSpecTasks(["digit_sum"]).Generate(1, new Random(1))[0];
        const string reply = "Here is my solution.\nmain.mini\n```mini\n# the digits of n, added\nfn digit_sum(n) {\n  let last = n % 10\n  let rest = n // 10\n  if rest == 0 { last } else { last + digit_sum(rest) }\n}\n```";

        Assert.True(task.IsCorrect(reply));
    }

    [Fact]
    public void A_task_is_read_back_as_its_spec_and_other_tasks_are_not()
    {
        var task = new FunctionSpecTasks(["power"]).Generate(1, new Random(8))[0];

        Assert.Equal("power", FunctionSpecTasks.SpecOf(task)!.Function);
        Assert.Equal(new FunctionSpecGrader(task.Question), task.Grader);
        Assert.Null(FunctionSpecTasks.SpecOf(new ArenaTask("arithmetic-0", "arithmetic", "What is 2+3?", "5")));
    }

    [Fact]
    public void The_reference_solver_answers_only_function_specs()
    {
        var spec = FunctionSpecTasks.Create("clamp", new Random(2));

        Assert.Equal($"Answer: {spec.ReferenceProgram}", FunctionSpecSolver.Answer(spec.Question));
        Assert.Null(FunctionSpecSolver.Answer("What is 2+3?"));
        Assert.False(FunctionSpec.TryRead(spec.Question.Replace("limited", "bounded", StringComparison.Ordinal), out _));
    }
}
