using Agents.Arena;
using Agents.Collaboration;
using Agents.Collaboration.AgentVerse;
using Agents.Collaboration.ChatDev;
using Agents.Collaboration.Programs;
using Agents.Decisions;
using Agents.Tests.Collaboration;

namespace Agents.Tests.Arena;

/// <summary>Function specs played by arena strategies: the answer is a program, graded by running it on the hidden tests.</summary>
public sealed class FunctionSpecArenaTests
{
    private static string Fenced(string program) => $"main.mini\n```mini\n{program}\n```";

    private static ChatChain SoftwareChain() => ChatChainFile.Load(TestFiles.Scenario("arena/chatdev-software.yaml"));

    private static FunctionSpec? SpecIn(string prompt) =>
        FunctionSpec.TryRead(prompt[(prompt.IndexOf("Write the Mini function", StringComparison.Ordinal) is var at and >= 0 ? at : 0)..], out var read) ? read : null;

    // A programmer that writes `program(spec)` wherever a program is asked for, and reviewers that agree.
    private static RuleMind Team(Func<FunctionSpec, string> program) => new(p =>
    {
        var spec = SpecIn(p);
        return p.Split('\n')[0] switch
        {
            SolveDecision.Name => spec is null ? "Answer: ?" : $"Answer: {program(spec)}",
            PhaseTurnDecision.Name when RuleMind.Field(p, "Agent") == "Programmer" && spec is not null => $"{Fenced(program(spec))}\n<INFO> Finished",
            RecruitDecision.Name => "1. a programmer\n2. a reviewer",
            ExpertTurnDecision.Name when RuleMind.Field(p, "Part") == "critic" => "[Agree]",
            ExpertTurnDecision.Name => spec is null ? "?" : Fenced(program(spec)),
            EvaluateDecision.Name => "Score: 9\nAdvice: -",
            _ => "<INFO> Finished",
        };
    });

    // A flawed program that still passes the visible example: only the hidden tests can tell.
    private static string PassesTheExampleOnly(FunctionSpec spec) =>
        Enumerable.Range(0, 20).Select(v => FunctionSpecSolver.Flawed(spec, v))
            .First(p => new MiniTester([spec.Example]).Test(FunctionSpec.FilesOf(p)).AllPassed && !spec.Grade(p).AllPassed);

    private static ArenaContext Context(Agents.Minds.IMind mind) => new(mind, new MindTally(), new Dictionary<string, IReadOnlyList<string>>());

    [Fact]
    public async Task Strategies_answer_function_specs_with_programs_that_pass_the_hidden_tests()
    {
        var tasks = new FunctionSpecTasks().Generate(6, new Random(21));
        var context = Context(Team(s => s.ReferenceProgram));
        IArenaStrategy[] strategies = [new PromptStrategy(SolveStyle.Direct), new ChatDevStrategy(SoftwareChain()), new AgentVerseStrategy(Structure: DecisionStructure.Horizontal)];

        foreach (var strategy in strategies)
        {
            foreach (var task in tasks)
            {
                var answer = await strategy.SolveAsync(task, context, default);

                Assert.True(task.IsCorrect(answer), $"{strategy.Name} on {task.Question}: {answer}");
            }
        }
    }

    [Fact]
    public async Task The_protocols_run_only_the_visible_example_so_a_program_that_fails_a_hidden_test_is_graded_wrong()
    {
        var task = new FunctionSpecTasks(["digit_sum"]).Generate(1, new Random(3))[0];
        var spec = FunctionSpecTasks.SpecOf(task)!;
        var flawed = PassesTheExampleOnly(spec);
        var mind = Team(_ => flawed);

        var chatdev = await new ChatDevStrategy(SoftwareChain()).SolveAsync(task, Context(mind), default);
        var agentverse = await new AgentVerseStrategy(Structure: DecisionStructure.Horizontal).SolveAsync(task, Context(mind), default);

        Assert.Equal(Fenced(flawed), chatdev);
        Assert.Equal(Fenced(flawed), agentverse);
        Assert.False(task.IsCorrect(chatdev));
        Assert.False(task.IsCorrect(agentverse));

        // The team's execution stage reported one test, the visible example; no prompt ever held a hidden test's result.
        Assert.Contains(mind.Prompts, p => p.Contains("Ran 1 tests on main.mini: 1 passed", StringComparison.Ordinal));
        Assert.DoesNotContain(mind.Prompts, p => p.Contains($"Ran {FunctionSpec.HiddenTestCount} tests", StringComparison.Ordinal));
        var score = spec.Score(chatdev);
        Assert.Equal((1.0, 1.0), (score.Completeness, score.Executability));
        Assert.InRange(score.PassRate, 0.01, 0.99);
    }

    [Fact]
    public async Task ChatDev_fixes_a_program_that_fails_the_visible_example_in_its_test_cycle()
    {
        var task = new FunctionSpecTasks(["gcd"]).Generate(1, new Random(9))[0];
        var spec = FunctionSpecTasks.SpecOf(task)!;
        var failsExample = Enumerable.Range(0, 20).Select(v => FunctionSpecSolver.Flawed(spec, v))
            .First(p => !new MiniTester([spec.Example]).Test(FunctionSpec.FilesOf(p)).AllPassed);
        var mind = new RuleMind(p => (RuleMind.Field(p, "Phase"), RuleMind.Field(p, "Agent")) switch
        {
            ("Coding", "Programmer") => $"{Fenced(failsExample)}\n<INFO> Finished",
            ("TestModification", "Programmer") => $"{Fenced(SpecIn(p)!.ReferenceProgram)}\n<INFO> Finished",
            _ => "<INFO> Finished",
        });

        var answer = await new ChatDevStrategy(SoftwareChain()).SolveAsync(task, Context(mind), default);

        Assert.True(task.IsCorrect(answer), answer);
        var fix = mind.Prompts.Single(p => RuleMind.Field(p, "Phase") == "TestModification" && RuleMind.Field(p, "Agent") == "Programmer");
        Assert.Contains($"Ran 1 tests on main.mini: 0 passed", fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatDev_on_another_task_answers_with_the_last_conclusion()
    {
        var chain = new ChatChain(new Dictionary<string, string>(), [ChainStep.Single(new PhaseSpec("Solve", "Lead", "Solver", "Solve {task}", 1))]);
        var mind = new RuleMind(p => RuleMind.Field(p, "Agent") == "Solver" ? "3 + 4 = 7\n<INFO> Answer: 7" : "?");

        var answer = await new ChatDevStrategy(chain).SolveAsync(new ArenaTask("a-0", "arithmetic", "What is 3+4?", "7"), Context(mind), default);

        Assert.Equal("7", answer);
    }

    [Fact]
    public void The_programmatic_solver_reads_a_factorial_spec_as_a_program_not_as_the_arithmetic_in_its_text()
    {
        var spec = FunctionSpecTasks.Create("factorial", new Random(1));
        Assert.Contains("1 * 2 * ... * n", spec.Question, StringComparison.Ordinal);

        var solution = TaskSolvers.Solve(spec.Question)!;
        var (_, action) = TaskSolvers.NextReActStep(spec.Question, [], false);

        Assert.Equal(spec.ReferenceProgram, solution.Answer);
        Assert.Null(solution.Expression);
        Assert.Equal($"Finish[{spec.ReferenceProgram}]", action);
    }

    [Fact]
    public async Task The_stand_in_writes_programs_erring_more_when_answering_directly_and_the_protocols_recover_some_errors()
    {
        var tasks = new FunctionSpecTasks().Generate(40, new Random(2));
        var mind = new SimulatedSolverMind(1);
        var accuracy = new Dictionary<string, double>();
        IArenaStrategy[] strategies = [new PromptStrategy(SolveStyle.Direct), new PromptStrategy(SolveStyle.ChainOfThought), new ChatDevStrategy(SoftwareChain()), new AgentVerseStrategy(Structure: DecisionStructure.Horizontal)];
        foreach (var strategy in strategies)
        {
            var play = await ArenaRunner.PlayAsync(strategy, tasks, new Dictionary<string, IReadOnlyList<string>>(), mind, null, default);
            accuracy[strategy.Name] = play.Accuracy;
            foreach (var task in tasks)
            {
                // Right or wrong, every answer is a program that builds: the reference or one of its plausible flaws.
                var answer = play.Answers[task.Id];
                Assert.NotNull(answer);
                Assert.Null(FunctionSpecTasks.SpecOf(task)!.Score(answer).Tests.BuildError);
            }
        }

        Assert.InRange(accuracy["direct"], 0.5, 0.9);
        Assert.True(accuracy["chain-of-thought"] > accuracy["direct"], string.Join(", ", accuracy));
        Assert.True(accuracy["chatdev"] > accuracy["direct"], string.Join(", ", accuracy));
        Assert.True(accuracy["agentverse horizontal"] > accuracy["direct"], string.Join(", ", accuracy));
    }

    [Fact]
    public async Task An_arena_of_function_tasks_scores_every_program_with_ChatDev_quality_and_hidden_tests()
    {
        var spec = new ArenaSpec("functions", 4, [new TaskSetSpec(new FunctionSpecTasks(["gcd", "is_prime", "sum_list"]), 8)], [new PromptStrategy(SolveStyle.Direct), new ChatDevStrategy(SoftwareChain())], 50);

        var result = await ArenaRunner.RunAsync(spec, new SimulatedSolverMind(3), null, default);

        Assert.NotNull(result.Programs);
        foreach (var score in result.Leaderboard)
        {
            var programs = result.Programs[score.Strategy];
            Assert.Equal(result.Items.Select(i => i.Id).Order(), programs.Keys.Order());
            foreach (var item in result.Items)
            {
                Assert.Equal(item.IsCorrect(result.Answers[score.Strategy][item.Id]), programs[item.Id].PassRate == 1);
            }

            Assert.Equal(programs.Values.Average(p => p.Quality), score.ProgramQuality!.Value, 9);
            Assert.Equal(programs.Values.Average(p => p.PassRate), score.HiddenPassRate!.Value, 9);
            Assert.InRange(score.ProgramQuality.Value, 0.1, 1);
            Assert.True(score.HiddenPassRate >= score.Accuracy);
        }
    }

    [Fact]
    public async Task An_arena_without_function_tasks_has_no_program_scores()
    {
        var spec = new ArenaSpec("sums", 1, [new TaskSetSpec(new ArithmeticTasks(), 3)], [new PromptStrategy(SolveStyle.Direct)], 10);

        var result = await ArenaRunner.RunAsync(spec, new SimulatedSolverMind(), null, default);

        Assert.Null(result.Programs);
        Assert.Null(result.Leaderboard[0].ProgramQuality);
    }
}
