using System.Text.Json;
using Agents.Arena;
using Agents.Collaboration;

namespace Agents.Cli.Tests.Commands;

public sealed class ChainCommandTests
{
    private static string Chain => CliHarness.Scenario("arena/chatdev-software.yaml");

    private static string Team => CliHarness.Scenario("arena/agentverse-software.yaml");

    [Fact]
    public async Task A_chatdev_chain_prints_its_phases_and_files_and_scores_a_function_on_the_hidden_tests()
    {
        using var temp = new TempFolder();

        var (exit, output, error) = await CliHarness.RunAsync("chain", Chain, "--function", "is_prime", "--seed", "3", "--out", temp["out"]);

        Assert.True(exit == 0, error);
        Assert.Contains("ChatDev chain chatdev-software, mind simulated (rule-based stand-in, not a model).", output);
        Assert.Contains("Task: Write the Mini function is_prime(n)", output);

        // With this seed the stand-in's first draft has a bug that the reviewer finds and the programmer fixes.
        Assert.Matches(@"│ 1 │ Coding +│ 2 +│ wrote main\.mini; concluded: Finished", output);
        Assert.Matches(@"│ 3 │ CodeReviewComment +│ 2 +│ concluded: is_prime\(\d+\) gives (true|false), but it should be (true|false)", output);
        Assert.Matches(@"│ 4 │ CodeReviewModification +│ 2 +│ wrote main\.mini", output);
        Assert.Matches(@"│ 5 │ TestErrorSummary +│ 0 +│ skipped: every test passed", output);

        var spec = FunctionSpecTasks.Create("is_prime", new Random(3));
        var program = File.ReadAllText(temp["out/files/main.mini"]);
        Assert.Equal(spec.ReferenceProgram + "\n", program);
        Assert.Contains(program.TrimEnd(), output);
        Assert.Contains("Visible example: Ran 1 tests on main.mini: 1 passed, 0 failed, 0 with errors.", output);
        Assert.Matches(@"Hidden tests of is_prime\(n\): quality 0\.\d\d = completeness 1\.00 x executability 1 x consistency 0\.\d\d; hidden tests 8/8", output);

        var turns = File.ReadAllLines(temp["out/transcript.jsonl"]).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(("Coding", "Chief Technology Officer"), (turns[0].GetProperty("phase").GetString(), turns[0].GetProperty("speaker").GetString()));
        Assert.Equal(["Coding", "CodeReviewComment", "CodeReviewModification", "EnvironmentDoc", "Manual"], turns.Select(t => t.GetProperty("phase").GetString()).Distinct());
        Assert.Equal(turns.Count, TranscriptFile.Read(temp["out/transcript.jsonl"]).Count);

        var result = JsonDocument.Parse(File.ReadAllText(temp["out/result.json"])).RootElement;
        Assert.Equal("chatdev", result.GetProperty("kind").GetString());
        Assert.Equal(spec.Brief, result.GetProperty("task").GetString());
        Assert.Equal(turns.Count, result.GetProperty("phases").EnumerateArray().Sum(p => p.GetProperty("turns").GetInt32()));
        Assert.Equal((8, 8), (result.GetProperty("score").GetProperty("hidden_passed").GetInt32(), result.GetProperty("score").GetProperty("hidden_total").GetInt32()));
        Assert.Equal(5, result.GetProperty("calls").GetInt64());

        // ChatDev's last phases: the environment document and the manual, written beside the code.
        Assert.Matches(@"│ 6 │ EnvironmentDoc +│ 2 +│ wrote requirements\.txt; concluded: Finished", output);
        Assert.Matches(@"│ 7 │ Manual +│ 2 +│ wrote manual\.md; concluded: Finished", output);
        Assert.Equal("mini (the built-in Mini runner; no packages)\n", File.ReadAllText(temp["out/files/requirements.txt"]));
        Assert.StartsWith("# is_prime\n", File.ReadAllText(temp["out/files/manual.md"]), StringComparison.Ordinal);
        Assert.Equal(["manual.md", "requirements.txt"], result.GetProperty("documents").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["main.mini"], result.GetProperty("files").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task The_team_alias_runs_an_agentverse_setup_with_its_execution_stage_on_the_visible_example()
    {
        using var temp = new TempFolder();

        var (exit, output, error) = await CliHarness.RunAsync("team", Team, "--function", "count_multiples", "--seed", "3", "--out", temp["out"]);

        Assert.True(exit == 0, error);
        Assert.Contains("AgentVerse team agentverse-software, mind simulated", output);
        Assert.Matches(@"│ 1 +│ a programmer; a code reviewer; a tester │ Ran 1 tests on main\.mini: 1 passed, 0 failed, 0 with errors\. │ 9 +│", output);
        Assert.Contains("The evaluator accepted the solution after 1 turn(s).", output);
        Assert.Matches(@"Hidden tests of count_multiples\(n\): quality 0\.\d\d = completeness 1\.00 x executability 1 x consistency 0\.\d\d; hidden tests 8/8", output);
        var turns = TranscriptFile.Read(temp["out/transcript.jsonl"]);
        Assert.Equal(["recruiter", "a code reviewer", "a tester", "a programmer", "program", "evaluator"], turns.Select(t => t.Speaker));
        var result = JsonDocument.Parse(File.ReadAllText(temp["out/result.json"])).RootElement;
        Assert.Equal(("agentverse", true), (result.GetProperty("kind").GetString(), result.GetProperty("success").GetBoolean()));
    }

    [Fact]
    public async Task An_agentverse_setup_without_program_execution_solves_a_text_task()
    {
        using var temp = new TempFolder();

        var (exit, output, error) = await CliHarness.RunAsync("chain", CliHarness.Scenario("arena/agentverse.yaml"), "--task", "What is 13+24*15-7*3?", "--out", temp["out"]);

        Assert.True(exit == 0, error);
        Assert.Contains("Answer: 352", output);
        Assert.DoesNotContain("Hidden tests", output);
        Assert.False(JsonDocument.Parse(File.ReadAllText(temp["out/result.json"])).RootElement.TryGetProperty("score", out _));
    }

    [Theory]
    [InlineData("phases:\n  - name: A\n    instructor: X\n    assistant: Y\n    prompt: p\n    turn: 3\n", ":6:5: unknown key 'turn'; expected one of name, instructor")]
    [InlineData("phases:\n  - name: A\n    prompt: \"unclosed\n", ":3:13: not valid YAML")]
    [InlineData("experts: 3\nstructure: diagonal\n", ":2:12: expected 'structure' to be vertical or horizontal; found 'diagonal'.")]
    [InlineData("experts: 3\nexecute: program\nprompt: {solver: write}\n", ":3:1: unknown key 'prompt'; expected one of name, experts")]
    [InlineData("name: x\nseed: 3\n", ":1:1: expected a ChatDev chain (keys roles, phases) or an AgentVerse setup (keys experts, structure")]
    public async Task A_bad_chain_or_team_file_exits_2_naming_the_file_line_and_column_and_writes_nothing(string yaml, string message)
    {
        using var temp = new TempFolder();
        var path = temp["protocol.yaml"];
        File.WriteAllText(path, yaml);

        var (exit, output, error) = await CliHarness.RunAsync("chain", path, "--function", "gcd", "--out", temp["out"]);

        Assert.Equal(2, exit);
        Assert.Contains(path + message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("at Agents.", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
        Assert.False(Directory.Exists(temp["out"]));
    }

    [Fact]
    public async Task A_missing_task_an_unknown_function_a_missing_file_and_program_execution_without_a_spec_exit_2()
    {
        using var temp = new TempFolder();

        var none = await CliHarness.RunAsync("chain", Chain, "--out", temp["out"]);
        var both = await CliHarness.RunAsync("chain", Chain, "--task", "x", "--function", "gcd", "--out", temp["out"]);
        var unknown = await CliHarness.RunAsync("chain", Chain, "--function", "sqrt", "--out", temp["out"]);
        var missing = await CliHarness.RunAsync("chain", temp["nothing.yaml"], "--function", "gcd", "--out", temp["out"]);
        var text = await CliHarness.RunAsync("team", Team, "--task", "What is 2+3?", "--out", temp["out"]);

        Assert.Equal((2, true), (none.Exit, none.Err.Contains("either --task TEXT or --function NAME", StringComparison.Ordinal)));
        Assert.Equal((2, true), (both.Exit, both.Err.Contains("either --task TEXT or --function NAME", StringComparison.Ordinal)));
        Assert.Equal((2, true), (unknown.Exit, unknown.Err.Contains("--function sqrt: expected one of digit_sum, count_multiples", StringComparison.Ordinal)));
        Assert.Equal((2, true), (missing.Exit, missing.Err.Contains("No chain or AgentVerse file at", StringComparison.Ordinal)));
        Assert.Equal((2, true), (text.Exit, text.Err.Contains("'execute: program' runs a function's tests", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(temp["out"]));
    }
}
