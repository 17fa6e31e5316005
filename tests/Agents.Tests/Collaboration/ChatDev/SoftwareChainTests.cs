using System.Text.RegularExpressions;
using Agents.Arena;
using Agents.Collaboration;
using Agents.Collaboration.ChatDev;
using Agents.Collaboration.Programs;

namespace Agents.Tests.Collaboration.ChatDev;

public sealed partial class SoftwareChainTests
{
    private static string Fenced(string program) => $"main.mini\n```mini\n{program}\n```";

    // The attached task (a function spec's question) of a chain prompt.
    private static string AttachedTask(string prompt) => TaskBlock().Match(prompt).Groups[1].Value.Trim();

    /// <summary>
    /// A rule-based team: the programmer's first draft has a bug, the reviewer lets it pass, and after the test report
    /// the programmer writes the reference solution (the programmatic solver stands for a model that fixes its bug).
    /// </summary>
    private static RuleMind Team(FunctionSpec spec) => new(p =>
    {
        var agent = RuleMind.Field(p, "Agent");
        return (RuleMind.Field(p, "Phase"), agent) switch
        {
            ("Coding", "Programmer") => $"Here is my program.\n{Fenced(FunctionSpecSolver.Flawed(spec))}\n<INFO> Finished",
            ("CodeReviewComment", "Code Reviewer") => "Every function is implemented.\n<INFO> Finished",
            ("TestErrorSummary", "Programmer") => p.Contains("FAILED", StringComparison.Ordinal) ? "<INFO> a base case returns the wrong value" : "<INFO> no bug found",
            ("TestModification", "Programmer") => FunctionSpecSolver.TrySolve(AttachedTask(p), out var program)
                ? $"Fixed.\n{Fenced(program)}\n<INFO> Finished"
                : "I cannot read the task.",
            _ => "<INFO> Finished",
        };
    });

    [Fact]
    public async Task A_software_chain_writes_a_program_that_passes_the_hidden_tests_after_the_tester_reports_its_bug()
    {
        var chain = ChatChainFile.Load(TestFiles.Scenario("arena/chatdev-software.yaml"));
        var spec = FunctionSpecTasks.Create("digit_sum", new Random(4));
        var mind = Team(spec);
        var tester = new MiniTester(spec.HiddenTests);

        var result = await chain.RunAsync(spec.Brief, mind, new MindTally(), tester, default);

        Assert.Equal(["Coding", "CodeComplete", "CodeReviewComment", "TestErrorSummary", "TestModification", "TestErrorSummary", "EnvironmentDoc", "Manual"], result.Phases.Select(p => p.Phase));
        Assert.Equal("no placeholder is left", result.Phases[1].Skipped);
        var firstRun = result.Phases[3].Tests!;
        Assert.False(firstRun.AllPassed);
        Assert.Contains("FAILED digit_sum(", firstRun.Text, StringComparison.Ordinal);

        // The report reached the programmer who fixed the code, attached verbatim.
        var fixPrompt = mind.Prompts.Single(p => RuleMind.Field(p, "Phase") == "TestModification" && RuleMind.Field(p, "Agent") == "Programmer");
        Assert.Contains("Attached test_reports:\n" + firstRun.Text, fixPrompt, StringComparison.Ordinal);
        Assert.Contains("Attached codes:\nmain.mini\n```mini\n" + FunctionSpecSolver.Flawed(spec), fixPrompt, StringComparison.Ordinal);

        // The second test run passed, so the test cycle ended there.
        Assert.True(result.Phases[^3].Tests!.AllPassed);
        Assert.Equal("every test passed", result.Phases[^3].Skipped);
        Assert.Equal(spec.ReferenceProgram + "\n", result.Files["main.mini"]);
        Assert.True(result.Tests!.AllPassed);

        var score = ProgramScorer.Score(spec.Requirement, result.Files, spec.HiddenTests);
        Assert.Equal(1, score.PassRate);
        Assert.Equal(1, score.Completeness);
        Assert.Equal(1, score.Executability);
        Assert.True(score.Quality > 0.3, score.ToString());
    }

    [Fact]
    public async Task A_programmer_that_never_fixes_the_bug_leaves_failing_tests_after_three_test_cycles()
    {
        var chain = ChatChainFile.Load(TestFiles.Scenario("arena/chatdev-software.yaml"));
        var spec = FunctionSpecTasks.Create("gcd", new Random(1));
        var stubborn = new RuleMind(p => RuleMind.Field(p, "Agent") == "Programmer" && RuleMind.Field(p, "Phase") is "Coding" or "TestModification"
            ? $"{Fenced("fn gcd(a, b) = todo()")}\n<INFO> Finished"
            : "<INFO> Finished");

        var result = await chain.RunAsync(spec.Brief, stubborn, null, new MiniTester(spec.HiddenTests), default);

        Assert.Equal(3, result.Phases.Count(p => p.Phase == "TestModification"));
        Assert.False(result.Tests!.AllPassed);
        var score = ProgramScorer.Score(spec.Requirement, result.Files, spec.HiddenTests);
        Assert.Equal(0, score.Completeness);
        Assert.Equal(0, score.Executability);
        Assert.Equal(0, score.Quality);
        Assert.Equal(0, score.PassRate);
    }

    [Fact]
    public async Task A_completion_cycle_lists_unfinished_functions_until_none_is_left()
    {
        var chain = ChatChainFile.Load(TestFiles.Scenario("arena/chatdev-software.yaml"));
        var spec = FunctionSpecTasks.Create("is_prime", new Random(2));
        var stages = new[]
        {
            "fn is_prime(n) = n >= 2 and no_divisor_from(n, 2)\nfn no_divisor_from(n, d) = todo()",
            "fn is_prime(n) = n >= 2 and no_divisor_from(n, 2)\n# TODO: stop at the square root\nfn no_divisor_from(n, d) = if d >= n { true } else { n % d != 0 and no_divisor_from(n, d + 1) }",
            spec.ReferenceProgram,
        };
        var written = 0;
        var mind = new RuleMind(p => (RuleMind.Field(p, "Phase"), RuleMind.Field(p, "Agent")) switch
        {
            ("Coding" or "CodeComplete", "Programmer") => $"{Fenced(stages[written++])}\n<INFO> Finished",
            _ => "<INFO> Finished",
        });

        var result = await chain.RunAsync(spec.Brief, mind, null, new MiniTester(spec.HiddenTests), default);

        Assert.Equal(["Coding", "CodeComplete", "CodeComplete", "CodeComplete", "CodeReviewComment", "TestErrorSummary", "EnvironmentDoc", "Manual"], result.Phases.Select(p => p.Phase));
        var completions = mind.Prompts.Where(p => RuleMind.Field(p, "Phase") == "CodeComplete" && RuleMind.Field(p, "Agent") == "Programmer").ToList();
        Assert.StartsWith("These functions are unfinished: main.mini: no_divisor_from (line 2).", RuleMind.Field(completions[0], "Prompt"), StringComparison.Ordinal);
        Assert.StartsWith("These functions are unfinished: main.mini: no_divisor_from (line 3).", RuleMind.Field(completions[1], "Prompt"), StringComparison.Ordinal);
        Assert.Equal("no placeholder is left", result.Phases[3].Skipped);
        Assert.True(result.Tests!.AllPassed);
    }

    [Fact]
    public async Task Code_blocks_of_the_assistant_become_files_and_later_prompts_see_them_as_codes()
    {
        var mind = new RuleMind(p => (RuleMind.Field(p, "Phase"), RuleMind.Field(p, "Agent")) switch
        {
            ("Write", "Dev") => "util.mini\n```mini\nfn twice(n) = 2 * n\n```\n**main.mini**\n```\nfn main(n) = twice(n) + 1\n```\n<INFO> done",
            ("Write", _) => "Looks good. Here is an idea:\n```mini\nfn ignored() = 0\n```\n<INFO> done",
            ("Read", _) => p.Contains("Attached codes:\nmain.mini\n```mini\nfn main(n) = twice(n) + 1\n```\nutil.mini\n```mini\nfn twice(n) = 2 * n\n```", StringComparison.Ordinal) ? "<INFO> seen" : "<INFO> not seen",
            _ => "?",
        });
        var chain = new ChatChain(new Dictionary<string, string>(), [
            ChainStep.Single(new PhaseSpec("Write", "Lead", "Dev", "Write {task}.", 1, WritesCode: true)),
            ChainStep.Single(new PhaseSpec("Read", "Lead", "Dev", "Review {codes}", 1, Output: "review")),
        ]);

        var result = await chain.RunAsync("a doubler", mind, null, default);

        Assert.Equal(["main.mini", "util.mini"], result.Files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("seen", result.Artifacts["review"]);
        Assert.Equal("Review (attached below: codes)", RuleMind.Field(mind.Prompts[^1], "Prompt"));
        Assert.Equal(11, MiniParser.Parse(result.Files).Evaluate("main(5)").Integer);
        Assert.Null(result.Tests);
    }

    [Theory]
    [InlineData("phases:\n  - name: A\n    instructor: X\n    assistant: Y\n    prompt: p\n    turn: 3\n", "6:5: unknown key 'turn'; expected one of name, instructor, assistant, prompt, turns, output, reflect, writes-code, runs-tests, completes-code, writes-file.")]
    [InlineData("phases:\n  - {name: A, instructor: X, assistant: Y, prompt: p, writes-file: docs/manual.md}\n", "2:68: expected 'writes-file' to be a document's file name such as requirements.txt or manual.md (a letter first, no folder, not a .mini file); found 'docs/manual.md'.")]
    [InlineData("phases:\n  - {name: A, instructor: X, assistant: Y, prompt: p, writes-file: notes.mini}\n", "2:68: expected 'writes-file' to be a document's file name")]
    [InlineData("phases:\n  - {name: A, instructor: X, assistant: Y, prompt: p, writes-code: true, writes-file: manual.md}\n", "2:87: a phase writes code (writes-code) or one document (writes-file), not both.")]
    [InlineData("phases:\n  - {name: A, instructor: X, assistant: Y, prompt: p, writes-file: codes.txt}\n", "2:68: the document codes.txt would be read as {codes}, which the chain keeps for itself")]
    [InlineData("phases:\n  - name: A\n    instructor: X\n    assistant: Y\n    prompt: p\n    writes-code: yes please\n", "6:18: expected 'writes-code' to be true or false; found 'yes please'.")]
    [InlineData("phases:\n  - cycle: T\n    repeat: 0\n    phases:\n      - {name: A, instructor: X, assistant: Y, prompt: p}\n", "3:13: expected 'repeat' to be a whole number of at least 1.")]
    [InlineData("roles: [a, b]\nphases:\n  - {name: A, instructor: X, assistant: Y, prompt: p}\n", "1:8: expected roles as a mapping of role name to system prompt.")]
    [InlineData("phases:\n  - name: A\n    instructor: X\n    assistant: Y\n    prompt: \"unclosed\n", "5:13: not valid YAML")]
    public void Chain_file_errors_name_file_line_and_column(string yaml, string message)
    {
        var path = Path.Combine(TestFiles.TempFolder(), "chain.yaml");
        File.WriteAllText(path, yaml);

        var error = Assert.Throws<ChatChainFileException>(() => ChatChainFile.Load(path));

        Assert.StartsWith($"{path}:{message}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_software_chain_loads_its_code_and_test_phases()
    {
        var chain = ChatChainFile.Load(TestFiles.Scenario("arena/chatdev-software.yaml"));

        Assert.True(chain.Steps[0].Phase!.WritesCode);
        Assert.True(chain.Steps[1].Phases[0].CompletesCode);
        Assert.Equal(10, chain.Steps[1].Repeat);
        var test = chain.Steps[3];
        Assert.Equal(3, test.Repeat);
        Assert.True(test.Phases[0].RunsTests);
        Assert.True(test.Phases[1].WritesCode);
        Assert.Contains("Software Test Engineer", chain.Roles.Keys);
        Assert.Equal(("EnvironmentDoc", "requirements.txt"), (chain.Steps[4].Phase!.Name, chain.Steps[4].Phase!.WritesFile));
        Assert.Equal(("Manual", "manual.md"), (chain.Steps[5].Phase!.Name, chain.Steps[5].Phase!.WritesFile));
        Assert.Contains("{builtins}", chain.Steps[4].Phase!.Prompt, StringComparison.Ordinal);
        Assert.Contains("{requirements}", chain.Steps[5].Phase!.Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chain_run_writes_the_environment_document_and_the_manual_apart_from_the_code()
    {
        var chain = ChatChainFile.Load(TestFiles.Scenario("arena/chatdev-software.yaml"));
        var spec = FunctionSpecTasks.Create("max_list", new Random(1));
        var mind = new SimulatedSolverMind(seed: 2);

        var result = await chain.RunAsync(spec.Brief, mind, null, new MiniTester([spec.Example]), default);

        // The stand-in's program calls len and max; the environment phase read them from {builtins} and the code.
        Assert.Equal(["main.mini"], result.Files.Keys);
        Assert.Equal("len, max", result.Artifacts[ChatChain.BuiltinsArtifact]);
        Assert.Equal(["manual.md", "requirements.txt"], result.Documents.Keys.Order(StringComparer.Ordinal));
        var requirements = result.Documents["requirements.txt"];
        Assert.Equal("mini (the built-in Mini runner; no packages)\nbuiltin len\nbuiltin max\n", requirements);
        Assert.Equal(requirements, result.Artifacts["requirements"]);

        // The manual says what the function does, shows a call with its result and lists the requirements it was given.
        var manual = result.Documents["manual.md"];
        Assert.StartsWith("# max_list\n\nmax_list(xs) returns the largest integer in the non-empty list xs.", manual, StringComparison.Ordinal);
        Assert.Contains($"`{spec.Example.Call}` gives `{spec.Example.Expected}`", manual, StringComparison.Ordinal);
        Assert.Contains("- builtin max\n", manual, StringComparison.Ordinal);
        Assert.Equal(("EnvironmentDoc", "requirements.txt"), (result.Phases[^2].Phase, result.Phases[^2].Document?.Key));
        Assert.Equal(("Manual", "manual.md"), (result.Phases[^1].Phase, result.Phases[^1].Document?.Key));

        Assert.True(result.Tests!.AllPassed, result.Tests.Text);
    }

    [Fact]
    public async Task A_document_without_a_code_block_is_the_reply_without_its_conclusion_and_an_empty_reply_writes_none()
    {
        var chain = new ChatChain(new Dictionary<string, string>(), [
            ChainStep.Single(new PhaseSpec("Notes", "Lead", "Writer", "Write notes.txt for {task}.", 1, Reflect: false, WritesFile: "notes.txt")),
            ChainStep.Single(new PhaseSpec("Empty", "Lead", "Writer", "Write empty.md.", 1, Reflect: false, WritesFile: "empty.md")),
            ChainStep.Single(new PhaseSpec("Read", "Lead", "Writer", "Read {notes}", 1, Reflect: false)),
        ]);
        var mind = new RuleMind(p => RuleMind.Field(p, "Phase") switch
        {
            "Notes" => "Run it with care.\nIt has no options.\n<INFO> Finished",
            _ => "<INFO> Finished",
        });

        var result = await chain.RunAsync("a doubler", mind, null, default);

        Assert.Equal("Run it with care.\nIt has no options.\n", result.Documents["notes.txt"]);
        Assert.False(result.Documents.ContainsKey("empty.md"));
        Assert.Null(result.Phases[1].Document);
        Assert.Empty(result.Files);
        Assert.Contains("Attached notes:\nRun it with care.", mind.Prompts[^1], StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Attached task:\n(.*?)(\nAttached |\nReply: )", RegexOptions.Singleline)]
    private static partial Regex TaskBlock();
}
