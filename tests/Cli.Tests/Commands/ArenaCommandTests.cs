using System.Text.Json;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace Agents.Cli.Tests.Commands;

public sealed class ArenaCommandTests
{
    private const string SmallArena = """
        name: small
        seed: 4
        bootstrap: 50
        bootstrap-unit: items
        mind: {kind: simulated, seed: 2}
        tasks:
          - {kind: arithmetic, count: 6}
          - {kind: word, count: 6}
          - {kind: "24", count: 4}
          - {kind: slogan, count: 2}
        strategies:
          - direct
          - chain-of-thought
          - react
        evolve: {strategy: direct, steps: 2, candidates: 3, train: 12, test: 30}
        """;

    private static string WriteArena(TempFolder temp, string yaml = SmallArena)
    {
        var path = temp["small.yaml"];
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public async Task A_small_arena_prints_the_leaderboard_and_writes_a_decodable_plot_and_the_answers()
    {
        using var temp = new TempFolder();

        var (exit, output, error) = await CliHarness.RunAsync("arena", WriteArena(temp), "--out", temp["out"]);

        Assert.True(exit == 0, error);
        Assert.Contains("Arena small: 3 strategies, 18 items, mind simulated", output);
        foreach (var header in new[] { "strategy", "rating", "95% interval", "Elo", "accuracy", "side by side", "calls", "tokens" })
        {
            Assert.Contains(header, output);
        }

        var rows = Regex.Matches(output, @"│ (\d) │ (\S+) +│ (\d+) +│ (\d+) - (\d+) +│").Select(m => (Rank: m.Groups[1].Value, Name: m.Groups[2].Value, Rating: int.Parse(m.Groups[3].Value))).ToList();
        Assert.Equal(["1", "2", "3"], rows.Select(r => r.Rank));
        Assert.Equal(["chain-of-thought", "direct", "react+tools"], rows.Select(r => r.Name).Order());
        Assert.Equal(rows.Select(r => r.Rating).OrderDescending(), rows.Select(r => r.Rating));
        var judged = Regex.Match(output, @"\((\d+) judge calls, not in the strategies. calls\)");
        Assert.True(judged.Success, output);
        Assert.InRange(int.Parse(judged.Groups[1].Value), 2, 2 * 3 * 2);

        using (var plot = SKBitmap.Decode(Path.Combine(temp["out"], "ratings.png")))
        {
            Assert.NotNull(plot);
            Assert.Equal((900, 520), (plot.Width, plot.Height));
            var colours = Enumerable.Range(0, 40).Select(i => plot.GetPixel(450, i * 13)).Distinct().Count();
            Assert.True(colours > 1, "the plot is blank");
        }

        var answers = File.ReadAllLines(Path.Combine(temp["out"], "answers.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(18, answers.Count);
        Assert.All(answers, a => Assert.Equal(["chain-of-thought", "direct", "react+tools"], a.GetProperty("answers").EnumerateObject().Select(p => p.Name).Order()));
        Assert.All(answers.Where(a => a.GetProperty("kind").GetString() == "24"), a => Assert.True(a.GetProperty("correct").GetProperty("react+tools").GetBoolean()));
        Assert.All(answers.Where(a => a.GetProperty("judged").GetBoolean()), a => Assert.Equal(JsonValueKind.Null, a.GetProperty("correct").ValueKind));

        var calls = File.ReadAllLines(Path.Combine(temp["out"], "calls.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(18 * 3, calls.Count);
        Assert.All(calls, c => Assert.NotEqual(0, c.GetProperty("calls").GetArrayLength()));
        var react = calls.First(c => c.GetProperty("strategy").GetString() == "react+tools" && c.GetProperty("correct").ValueKind == JsonValueKind.True);
        Assert.StartsWith("react step\n", react.GetProperty("calls")[0].GetProperty("prompt").GetString(), StringComparison.Ordinal);
        Assert.Contains("Finish[", react.GetProperty("calls")[react.GetProperty("calls").GetArrayLength() - 1].GetProperty("reply").GetString(), StringComparison.Ordinal);
        Assert.Contains("calls.jsonl", output);
    }

    [Fact]
    public async Task The_function_arena_plays_prompts_and_both_protocols_and_reports_program_quality_and_hidden_tests()
    {
        using var temp = new TempFolder();

        var (exit, output, error) = await CliHarness.RunAsync("arena", CliHarness.Scenario("arena/functions.yaml"), "--bootstrap", "20", "--out", temp["out"]);

        Assert.True(exit == 0, error);
        Assert.Contains("Arena functions: 5 strategies, 30 items, mind simulated", output);
        Assert.Contains("│ program quality │ hidden tests │", output);
        string[] names = ["agentverse horizontal", "chain-of-thought", "chatdev", "direct", "self-consistency@5"];
        var rows = Regex.Matches(output, @"│ (\d) │ ([^│]+?) +│ (\d+) +│ [^│]+│ [^│]+│ [^│]+│ (\d\.\d\d) +│ (\d+) % +│")
            .Select(m => (Name: m.Groups[2].Value, Quality: double.Parse(m.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture), Hidden: int.Parse(m.Groups[5].Value)))
            .ToList();
        Assert.Equal(names, rows.Select(r => r.Name).Order());
        Assert.All(rows, r => Assert.InRange(r.Quality, 0.1, 1));
        Assert.Contains("Function items: an answer is correct when its program passes all 8 hidden tests", output);

        var answers = File.ReadAllLines(Path.Combine(temp["out"], "answers.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(30, answers.Count);
        foreach (var answer in answers)
        {
            Assert.Equal("function", answer.GetProperty("kind").GetString());
            var programs = answer.GetProperty("programs");
            Assert.Equal(names, programs.EnumerateObject().Select(p => p.Name).Order());
            foreach (var name in names)
            {
                var program = programs.GetProperty(name);
                Assert.Equal(8, program.GetProperty("hidden_total").GetInt32());
                Assert.Equal(answer.GetProperty("correct").GetProperty(name).GetBoolean(), program.GetProperty("hidden_passed").GetInt32() == 8);
            }

            // The chain answers with its files, the prompt strategies with one line.
            Assert.StartsWith("main.mini\n```mini\n", answer.GetProperty("answers").GetProperty("chatdev").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("fn ", answer.GetProperty("answers").GetProperty("direct").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("name: [small\n", ":2:1: not valid YAML")]
    [InlineData("name: small\ntasks:\n  - {kind: arithmetic}\nstrategies: [direct, telepathy]\n", ":4:22: expected a strategy among direct, few-shot")]
    [InlineData("name: small\ntasks:\n  - {kind: algebra}\nstrategies: [direct]\n", ":3:5: expected task kind arithmetic, product, multihop, word, 24, slogan, function; found 'algebra'")]
    public async Task A_bad_arena_file_exits_2_naming_the_file_line_and_column_and_writes_nothing(string yaml, string message)
    {
        using var temp = new TempFolder();
        var path = WriteArena(temp, yaml);

        var (exit, output, error) = await CliHarness.RunAsync("arena", path, "--out", temp["out"]);

        Assert.Equal(2, exit);
        Assert.Contains(path + message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("at Agents.", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
        Assert.False(Directory.Exists(temp["out"]));
    }

    [Fact]
    public async Task A_missing_file_and_contradictory_options_exit_2()
    {
        using var temp = new TempFolder();
        var path = WriteArena(temp);

        var missing = await CliHarness.RunAsync("arena", temp["nothing.yaml"]);
        var both = await CliHarness.RunAsync("arena", path, "--evolve", "--curriculum", temp["c.jsonl"]);
        var unknown = await CliHarness.RunAsync("arena", path, "--evolve", "debate", "--out", temp["out"]);
        var noModel = await CliHarness.RunAsync("arena", path, "--mind", "model", "--model", temp["no-model"], "--out", temp["out"]);
        var cold = await CliHarness.RunAsync("arena", path, "--temperature", "-1", "--out", temp["out"]);

        Assert.Equal((2, true), (cold.Exit, cold.Err.Contains("--temperature: expected a number from 0 to 10; got -1", StringComparison.Ordinal)));
        Assert.Equal((2, true), (missing.Exit, missing.Err.Contains("No arena file at", StringComparison.Ordinal)));
        Assert.Equal((2, true), (both.Exit, both.Err.Contains("either --evolve or --curriculum", StringComparison.Ordinal)));
        Assert.Equal((2, true), (unknown.Exit, unknown.Err.Contains("--evolve debate: expected one of the arena's strategies with an instruction: direct, chain-of-thought, react+tools", StringComparison.Ordinal)));
        Assert.Equal((2, true), (noModel.Exit, noModel.Err.Contains(temp["no-model"], StringComparison.Ordinal)));
        Assert.False(Directory.Exists(temp["out"]));
    }

    [Fact]
    public async Task Evolve_writes_the_scored_history_as_jsonl_and_reports_the_held_out_gain()
    {
        using var temp = new TempFolder();

        var (exit, output, error) = await CliHarness.RunAsync("arena", WriteArena(temp), "--evolve", "--out", temp["out"]);

        Assert.True(exit == 0, error);
        var history = File.ReadAllLines(Path.Combine(temp["out"], "evolution.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.InRange(history.Count, 3, 7);
        Assert.Equal(0, history[0].GetProperty("step").GetInt32());
        Assert.Equal("Answer the question, only as \"Answer: X\".", history[0].GetProperty("instruction").GetString());
        Assert.Equal(history.Select(h => h.GetProperty("step").GetInt32()).Order(), history.Select(h => h.GetProperty("step").GetInt32()));
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp["out"], "evolution.json"))).RootElement;
        Assert.Equal(history.Max(h => h.GetProperty("score").GetDouble()), summary.GetProperty("best_train").GetDouble());
        Assert.True(summary.GetProperty("gain").GetDouble() > 0, output);
        Assert.Matches(@"Gain on 30 held-out items: \+\d+\.\d points", output);
    }

    [Fact]
    public async Task Curriculum_writes_chat_jsonl_of_the_solvers_decisions_for_count_items_per_set()
    {
        using var temp = new TempFolder();
        var path = temp["sub/curriculum.jsonl"];

        var (exit, output, error) = await CliHarness.RunAsync("arena", WriteArena(temp), "--curriculum", path, "--count", "2");

        Assert.True(exit == 0, error);
        var lines = File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains($"Curriculum of small: {lines.Count} decisions from 8 items", output);
        Assert.All(lines, l => Assert.Equal(3, l.GetProperty("messages").GetArrayLength()));
        Assert.Equal(["react step", "solve"], lines.Select(l => l.GetProperty("decision").GetString()).Distinct().Order());
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_model_trained_on_the_curriculum_plays_the_arena_with_constrained_replies()
    {
        using var temp = new TempFolder();
        var arena = WriteArena(temp, """
            name: tiny-model
            seed: 1
            bootstrap: 20
            tasks:
              - {kind: arithmetic, count: 3, max: 9}
            strategies: [direct, few-shot]
            """);
        var curriculum = await CliHarness.RunAsync("arena", arena, "--curriculum", temp["curriculum.jsonl"], "--count", "30");
        Assert.True(curriculum.Exit == 0, curriculum.Err);

        // Trained through the runtime's job rather than `agents train`: its progress display is process-wide in
        // Spectre.Console, so two trainings in one test process (another class trains too) would collide.
        var training = new Runtime.Training.TrainingOptions(Steps: 20, BatchSize: 2, LearningRate: 0.005, MinLearningRate: 0.005, WarmupSteps: 2, EvalEvery: 0);
        var model = new Runtime.Model.ModelConfig(300, ContextLength: 512, Layers: 1, Heads: 2, KeyValueHeads: 1, Width: 32, HiddenSize: 64);
        await Runtime.Training.TrainingJob.RunAsync(new Runtime.Training.TrainingJobOptions(temp["curriculum.jsonl"], temp["model"], training, Sft: true, Model: model, VocabularySize: 300, Threads: 1));

        var (exit, output, error) = await CliHarness.RunAsync("arena", arena, "--mind", "model", "--model", temp["model"], "--out", temp["out"]);

        Assert.True(exit == 0, error);
        Assert.Contains("constrained replies", output);
        var calls = Regex.Matches(output, @"│ \d │ (\S+) +│.*│ (\d+) +│ (\d+) +│ [\d.]+ s +│").Select(m => int.Parse(m.Groups[2].Value)).ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.True(c >= 3));

        // Constrained to "Answer: [^\n]+", every reply parses, right or wrong: no answer is missing.
        var answers = File.ReadAllLines(Path.Combine(temp["out"], "answers.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(answers, a => Assert.All(a.GetProperty("answers").EnumerateObject(), p => Assert.NotEqual(JsonValueKind.Null, p.Value.ValueKind)));
    }

    [Fact]
    public async Task An_endpoint_mind_plays_over_http_and_its_reported_tokens_are_counted()
    {
        using var temp = new TempFolder();
        var arena = WriteArena(temp, """
            name: endpoint
            seed: 1
            bootstrap: 20
            tasks:
              - {kind: arithmetic, count: 4}
            strategies: [direct, chain-of-thought]
            """);
        var endpoint = new FakeChatEndpoint(_ => "Answer: 7");
        var (exit, output, error) = await CliHarness.RunAsync("arena", arena, "--mind", $"endpoint:{endpoint.Url}", "--model", "fake", "--temperature", "0", "--out", temp["out"]);
        await endpoint.DisposeAsync();
        var port = endpoint.Port;
        Assert.All(endpoint.Requests, r => Assert.Equal(0, r.GetProperty("temperature").GetDouble()));
        var prompts = endpoint.Requests.Select(FakeChatEndpoint.UserPrompt).ToList();

        Assert.True(exit == 0, error);
        Assert.Contains($"mind endpoint http://127.0.0.1:{port}/v1 model fake", output);
        Assert.Equal(8, prompts.Count);
        Assert.All(prompts, p => Assert.StartsWith("solve\n", p, StringComparison.Ordinal));
        var rows = Regex.Matches(output, @"│ \d │ (\S+) +│.*│ (\d+) +│ (\d+) +│ [\d.]+ s +│").Select(m => (Calls: m.Groups[2].Value, Tokens: m.Groups[3].Value)).ToList();
        Assert.Equal([("4", "52"), ("4", "52")], rows);
    }

    [Fact]
    public async Task An_endpoint_judge_compares_slogans_over_http_while_the_simulated_mind_plays_and_its_calls_are_counted_apart()
    {
        using var temp = new TempFolder();
        var arena = WriteArena(temp, """
            name: judged
            seed: 3
            bootstrap: 20
            mind: {kind: simulated, seed: 2}
            tasks:
              - {kind: slogan, count: 3}
            strategies: [direct, chain-of-thought]
            """);
        var endpoint = new FakeChatEndpoint(_ => "A reads better.\nWinner: A");
        var (exit, output, error) = await CliHarness.RunAsync("arena", arena, "--judge", $"endpoint:{endpoint.Url}", "--judge-model", "judge-7b", "--out", temp["out"]);
        var alone = await CliHarness.RunAsync("arena", arena, "--out", temp["alone"]);
        await endpoint.DisposeAsync();
        var port = endpoint.Port;
        var prompts = endpoint.Requests
            .Select(r => (Prompt: FakeChatEndpoint.UserPrompt(r), Temperature: r.TryGetProperty("temperature", out var t) ? t.GetDouble() : -1))
            .ToList();

        Assert.True(exit == 0, error);
        Assert.Contains($"mind simulated (rule-based stand-in, not a model), judge endpoint http://127.0.0.1:{port}/v1 model judge-7b.", output);
        Assert.NotEmpty(prompts);
        Assert.All(prompts, p => Assert.StartsWith("side by side\n", p.Prompt, StringComparison.Ordinal));
        Assert.All(prompts, p => Assert.Equal(0, p.Temperature));
        Assert.Contains($"by the judge, endpoint http://127.0.0.1:{port}/v1 model judge-7b ({prompts.Count} judge calls, not in the strategies' calls)", output);

        // A judge that always names the answer shown first is a tie in both orders; the players' calls are as without it.
        var judged = File.ReadAllLines(Path.Combine(temp["out"], "answers.jsonl"));
        Assert.Equal(3, judged.Length);
        static List<string> Calls(string text) => Regex.Matches(text, @"│ \d │ (\S+) +│.*│ (\d+) +│ (\d+) +│ [\d.]+ s +│").Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}").Order().ToList();
        Assert.Equal(2, Calls(output).Count);
        Assert.Equal(Calls(alone.Out), Calls(output));
        Assert.Contains("by the same mind", alone.Out);
    }

    [Fact]
    public async Task A_function_set_larger_than_its_catalogue_is_played_with_a_note_that_its_specs_repeat()
    {
        using var temp = new TempFolder();
        var arena = WriteArena(temp, """
            name: few
            seed: 1
            bootstrap: 10
            tasks:
              - {kind: function, count: 5, functions: [gcd, is_prime]}
            strategies: [direct, chain-of-thought]
            """);

        var (exit, output, error) = await CliHarness.RunAsync("arena", arena, "--out", temp["out"]);

        Assert.True(exit == 0, error);
        Assert.Contains("Note: the function task set asks for 5 items but its functions (gcd, is_prime) give only 2 distinct specs; after 2 items the specs repeat, each up to 3 times.", output.Replace("\n", " ", StringComparison.Ordinal));
        var questions = File.ReadAllLines(Path.Combine(temp["out"], "answers.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()).ToList();
        Assert.Equal(5, questions.Count);
        Assert.Equal(2, questions.Distinct().Count());
    }

    [Fact]
    public async Task A_bad_judge_option_exits_2_naming_the_option()
    {
        using var temp = new TempFolder();
        var path = WriteArena(temp);

        var oracle = await CliHarness.RunAsync("arena", path, "--judge", "oracle", "--out", temp["out"]);
        var lonelyModel = await CliHarness.RunAsync("arena", path, "--judge-model", "judge-7b", "--out", temp["out"]);
        var noModel = await CliHarness.RunAsync("arena", path, "--judge", "model", "--judge-model", temp["no-model"], "--out", temp["out"]);
        var evolving = await CliHarness.RunAsync("arena", path, "--evolve", "--judge", "simulated", "--out", temp["out"]);

        Assert.Equal((2, true), (oracle.Exit, oracle.Err.Contains("--judge: expected simulated, model or endpoint:URL; got 'oracle'", StringComparison.Ordinal)));
        Assert.Equal((2, true), (lonelyModel.Exit, lonelyModel.Err.Contains("--judge-model judge-7b goes with --judge", StringComparison.Ordinal)));
        Assert.Equal((2, true), (noModel.Exit, noModel.Err.Contains($"--judge model: no model folder (config.json, model.safetensors, tokenizer.json) at {temp["no-model"]}", StringComparison.Ordinal)));
        Assert.Equal((2, true), (evolving.Exit, evolving.Err.Contains("--judge simulated goes with playing the arena", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(temp["out"]));
    }
}
