using Agents.Arena;
using Agents.Collaboration;
using Agents.Collaboration.Programs;
using CsCheck;

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
    public void A_set_no_larger_than_the_catalogue_has_distinct_specs_and_every_function_before_any_repeats()
    {
        var all = FunctionSpecTasks.AllFunctions;
        Gen.Select(Gen.Int[1, all.Count], Gen.Int[0, 1000], Gen.Int[1, 200], Gen.Int)
            .Sample(
                (functions, skip, wanted, seed) =>
                {
                    var names = Enumerable.Range(0, functions).Select(i => all[(skip + (i * 7)) % all.Count]).Distinct().ToList();
                    var generator = new FunctionSpecTasks(names);
                    var count = (int)Math.Min(wanted, generator.DistinctSpecs);
                    var specs = generator.Generate(count, new Random(seed)).Select(t => FunctionSpecTasks.SpecOf(t)!).ToList();
                    var first = specs.Take(names.Count).Select(s => s.Function).ToList();
                    return specs.Count == count
                        && specs.Select(s => s.Requirement).Distinct().Count() == count
                        && first.Distinct().Count() == first.Count
                        && specs.All(s => names.Contains(s.Function));
                },
                iter: 60);

        var everything = new FunctionSpecTasks().Generate(30, new Random(5)).Select(t => t.Question).ToList();
        Assert.Equal(30, everything.Distinct().Count());
        Assert.Equal(all.Count, everything.Take(all.Count).Select(q => FunctionSpec.TryRead(q, out var s) ? s.Function : null).Distinct().Count());
    }

    [Fact]
    public void The_catalogue_counts_each_choice_of_constants_and_a_larger_set_starts_over_evenly()
    {
        var fixedOnly = new FunctionSpecTasks(["gcd", "is_prime", "gcd"]);
        var withConstants = new FunctionSpecTasks(["count_multiples", "scale_shift"]);

        var items = fixedOnly.Generate(7, new Random(3)).Select(t => t.Question).ToList();
        var all = withConstants.Generate((int)withConstants.DistinctSpecs, new Random(4)).Select(t => t.Question).ToList();

        Assert.Equal(2, fixedOnly.DistinctSpecs);
        Assert.Equal(8 + (8 * 41), withConstants.DistinctSpecs);
        Assert.Equal(2, items.Take(2).Distinct().Count());
        Assert.Equal([3, 4], items.GroupBy(q => q).Select(g => g.Count()).Order());
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(580, new FunctionSpecTasks().DistinctSpecs);
    }

    [Fact]
    public void A_program_for_its_spec_is_clearly_more_consistent_with_it_than_a_program_for_another_spec()
    {
        var specs = FunctionSpecTasks.AllFunctions.Select(f => FunctionSpecTasks.Create(f, new Random(4))).ToList();

        foreach (var spec in specs)
        {
            var own = spec.Score(spec.ReferenceProgram);
            Assert.InRange(own.Consistency, 0.55, 1);

            // A flawed program reads like the right one: consistency is about the text; the hidden tests tell them apart.
            var flawed = spec.Score(FunctionSpecSolver.Flawed(spec));
            Assert.Equal(own.Consistency, flawed.Consistency);
            Assert.True(flawed.PassRate < 1);

            foreach (var other in specs.Where(o => o.Function != spec.Function))
            {
                var theirs = spec.Score(other.ReferenceProgram).Consistency;
                Assert.True(own.Consistency >= theirs + 0.3, $"{spec.Function} {own.Consistency:0.00}, {other.Function}'s program {theirs:0.00}");
            }
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
