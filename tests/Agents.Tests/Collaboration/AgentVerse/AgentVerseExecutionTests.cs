using Agents.Arena;
using Agents.Collaboration.AgentVerse;
using Agents.Collaboration.Programs;

namespace Agents.Tests.Collaboration.AgentVerse;

public sealed class AgentVerseExecutionTests
{
    private static string Fenced(string program) => $"main.mini\n```mini\n{program}\n```";

    /// <summary>
    /// A rule-based software team: the programmer's first program has a bug; it writes the reference once an execution
    /// report shows a failing test; critics agree; the evaluator scores by the execution report (or always high).
    /// </summary>
    private static RuleMind SoftwareTeam(FunctionSpec spec, bool overconfidentEvaluator = false) => new(p => p.Split('\n')[0] switch
    {
        RecruitDecision.Name => "1. a Mini programmer\n2. a reviewer of base cases\n3. a tester",
        ExpertTurnDecision.Name when RuleMind.Field(p, "Part") == "critic" => "[Agree]",
        ExpertTurnDecision.Name => p.Contains("FAILED", StringComparison.Ordinal)
            ? $"I fix the failing case.\n{Fenced(spec.ReferenceProgram)}"
            : $"A first version.\n{Fenced(FunctionSpecSolver.Flawed(spec))}",
        EvaluateDecision.Name => overconfidentEvaluator || p.Contains("0 failed, 0 with errors", StringComparison.Ordinal)
            ? "Score: 9\nAdvice: done"
            : "Score: 3\nAdvice: fix the failing test",
        _ => null,
    });

    [Theory]
    [InlineData(DecisionStructure.Horizontal)]
    [InlineData(DecisionStructure.Vertical)]
    public async Task The_execution_report_feeds_the_next_turn_until_the_program_passes(DecisionStructure structure)
    {
        var spec = FunctionSpecTasks.Create("sum_squares", new Random(2));
        var mind = SoftwareTeam(spec);
        var team = new AgentVerseTeam(mind, new AgentVerseOptions(Structure: structure));

        var result = await team.RunAsync(spec.Brief, new ProgramExecutor(spec.HiddenTests), default);

        Assert.True(result.Success);
        Assert.Equal(2, result.Turns);
        Assert.Equal([false, true], result.Executions.Select(e => e.Passed));
        Assert.Equal([3, 9], result.Evaluations.Select(e => e.Score));
        Assert.Contains("FAILED sum_squares(", result.Executions[0].Report, StringComparison.Ordinal);
        Assert.True(spec.Grade(result.Solution).AllPassed);

        // The second turn's solver saw the report and the last program, attached verbatim.
        var secondSolve = mind.Prompts.Where(p => p.StartsWith(ExpertTurnDecision.Name, StringComparison.Ordinal) && RuleMind.Field(p, "Part") == "solver").Last();
        Assert.Contains("Attached execution:\n" + result.Executions[0].Report, secondSolve, StringComparison.Ordinal);
        Assert.Contains("Attached draft:\nA first version.\nmain.mini\n```mini\n" + FunctionSpecSolver.Flawed(spec), secondSolve, StringComparison.Ordinal);
        Assert.Equal("fix the failing test", RuleMind.Field(secondSolve, "Advice"));
        Assert.Contains(result.Transcript.Turns, t => t.Speaker == "program" && t.Text == result.Executions[1].Report);
    }

    [Fact]
    public async Task An_overconfident_evaluator_cannot_end_the_run_while_the_execution_fails()
    {
        var spec = FunctionSpecTasks.Create("gcd", new Random(3));
        var stubborn = new RuleMind(p => p.Split('\n')[0] switch
        {
            RecruitDecision.Name => "1. a programmer",
            EvaluateDecision.Name => "Score: 10\nAdvice: perfect",
            _ => Fenced("fn gcd(a, b) = a"),
        });

        var result = await new AgentVerseTeam(stubborn, new AgentVerseOptions(Experts: 1, MaxTurns: 3)).RunAsync(spec.Brief, new ProgramExecutor(spec.HiddenTests), default);

        Assert.False(result.Success);
        Assert.Equal(3, result.Turns);
        Assert.All(result.Executions, e => Assert.False(e.Passed));
        Assert.Equal("turns ran out", result.Transcript.StopReason);
    }

    [Fact]
    public async Task Arithmetic_is_executed_by_checking_each_step_and_a_wrong_step_is_fixed_next_turn()
    {
        var mind = new RuleMind(p => p.Split('\n')[0] switch
        {
            RecruitDecision.Name => "1. a solver\n2. a checker",
            ExpertTurnDecision.Name when RuleMind.Field(p, "Part") == "critic" => "[Agree]",
            ExpertTurnDecision.Name => p.Contains("Attached execution:\nChecked 2 arithmetic steps: 1 right, 1 wrong.\nWRONG 3*4 = 13: it is 12", StringComparison.Ordinal)
                ? "3*4 = 12\n12 + 5 = 17\nAnswer: 17"
                : "3*4 = 13\n13 + 5 = 18\nAnswer: 18",
            EvaluateDecision.Name => RuleMind.Field(p, "Execution")!.Contains(" 0 wrong", StringComparison.Ordinal) ? "Score: 9\nAdvice: ok" : "Score: 2\nAdvice: a step is wrong",
            _ => null,
        });

        var result = await new AgentVerseTeam(mind, new AgentVerseOptions(Experts: 2, Structure: DecisionStructure.Horizontal)).RunAsync("What is 3*4+5?", new ArithmeticChecker(), default);

        Assert.True(result.Success);
        Assert.Equal(2, result.Turns);
        Assert.Equal("Checked 2 arithmetic steps: 1 right, 1 wrong.\nWRONG 3*4 = 13: it is 12", result.Executions[0].Report);
        Assert.Contains("Answer: 17", result.Solution, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12*3 = 36\n36 + 5 = 41\nAnswer: 41", true, 2)]
    [InlineData("First, 1,200 x 3 = 3,600, then 3,600 / 4 = 900.", true, 2)]
    [InlineData("(4 - 1) * 2 = 7", false, 1)]
    [InlineData("x = 5 and n == 3 + 2; Answer = 5", null, 0)]
    [InlineData("-3 + 10 = 7, and 2.5 * 2 = 5.0", true, 2)]
    public void The_arithmetic_checker_recomputes_expression_value_steps(string solution, bool? passed, int steps)
    {
        var result = new ArithmeticChecker().Execute("task", solution);

        Assert.Equal(passed, result.Passed);
        Assert.StartsWith(steps == 0 ? "No arithmetic step" : $"Checked {steps} arithmetic steps", result.Report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_prompts_replace_the_roles_instructions()
    {
        var mind = new RuleMind(p => p.StartsWith(EvaluateDecision.Name, StringComparison.Ordinal) ? "Score: 9\nAdvice: -" : p.StartsWith(RecruitDecision.Name, StringComparison.Ordinal) ? "1. solo" : "Answer: 1");
        var prompts = new AgentVersePrompts("Hire people.", "Solve it.", "Criticise it.", "Grade it.");

        await new AgentVerseTeam(mind, new AgentVerseOptions(Experts: 1, Prompts: prompts)).RunAsync("1?", default);

        Assert.Equal(["Hire people.", "Solve it.", "Grade it."], mind.Prompts.Select(p => p.Split('\n')[1]));
    }

    [Fact]
    public void The_shipped_setups_load()
    {
        var arithmetic = AgentVerseFile.Load(TestFiles.Scenario("arena/agentverse.yaml"));
        var software = AgentVerseFile.Load(TestFiles.Scenario("arena/agentverse-software.yaml"));

        Assert.Equal(new AgentVerseOptions(3, 3, 3, DecisionStructure.Vertical, 8, arithmetic.Options.Prompts), arithmetic.Options);
        Assert.Equal(ExecutionKind.Arithmetic, arithmetic.Execution);
        Assert.IsType<ArithmeticChecker>(arithmetic.CreateExecutor());
        Assert.StartsWith("You are the solver.", arithmetic.Options.Prompts!.Solver, StringComparison.Ordinal);
        Assert.Equal(DecisionStructure.Horizontal, software.Options.Structure);
        Assert.Equal(ExecutionKind.Program, software.Execution);
        Assert.IsType<ProgramExecutor>(software.CreateExecutor([new MiniTestCase("f(1)", MiniValue.Of(1))]));
        Assert.Throws<ArgumentException>(() => software.CreateExecutor());
    }

    [Theory]
    [InlineData("experts: 3\nstructure: diagonal\n", "2:12: expected 'structure' to be vertical or horizontal; found 'diagonal'.")]
    [InlineData("experts: 0\n", "1:10: expected 'experts' to be a whole number from 1 to 20; found '0'.")]
    [InlineData("success-score: 11\n", "1:16: expected 'success-score' to be a whole number from 0 to 10; found '11'.")]
    [InlineData("max-turns: 3\nmax_turns: 4\n", "2:1: unknown key 'max_turns'; expected one of name, experts, structure, max-turns, critic-rounds, success-score, execute, prompts.")]
    [InlineData("execute: python\n", "1:10: expected 'execute' to be none or arithmetic or program; found 'python'.")]
    [InlineData("prompts:\n  solver: Solve.\n  judge: Judge.\n", "3:3: unknown key 'judge'; expected one of recruiter, solver, critic, evaluator.")]
    [InlineData("prompts: be nice\n", "1:10: expected 'prompts' to be a mapping of recruiter, solver, critic and evaluator to instructions.")]
    [InlineData("prompts:\n  critic: [a, b]\n", "2:11: expected the critic's instruction as text.")]
    [InlineData("- experts: 3\n", "1:1: expected a mapping with experts")]
    [InlineData("experts: 3\n  structure: vertical\n", "2:12: not valid YAML")]
    public void Setup_file_errors_name_file_line_and_column(string yaml, string message)
    {
        var path = Path.Combine(TestFiles.TempFolder(), "team.yaml");
        File.WriteAllText(path, yaml);

        var error = Assert.Throws<AgentVerseFileException>(() => AgentVerseFile.Load(path));

        Assert.StartsWith($"{path}:{message}", error.Message, StringComparison.Ordinal);
    }
}
