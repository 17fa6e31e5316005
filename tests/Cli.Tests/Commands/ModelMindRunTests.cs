using Agents.World.Events;
using System.Text.RegularExpressions;

namespace Agents.Cli.Tests.Commands;

public sealed class ModelMindRunTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_run_with_the_bundled_runtime_as_mind_calls_the_model_with_constrained_replies()
    {
        using var temp = new TempFolder();

        // The teacher's decisions as chat JSONL, a tiny model fine-tuned on them, and a scenario whose mind is that model.
        var taught = await CliHarness.RunAsync("run", CliHarness.Scenario("tiny.yaml"), "--hours", "12", "--out", temp["teacher"], "--record", temp["decisions.jsonl"], "--quiet");
        Assert.True(taught.Exit == 0, taught.Err);
        File.WriteAllText(temp["config.json"], """{ "model": { "layers": 1, "heads": 2, "key_value_heads": 1, "width": 32, "hidden_size": 64, "context_length": 512 } }""");
        var trained = await CliHarness.RunAsync("train", "--sft", "--data", temp["decisions.jsonl"], "--out", temp["model"], "--config", temp["config.json"],
            "--steps", "20", "--batch", "2", "--lr", "0.005", "--vocab", "300", "--eval-every", "0", "--threads", "1");
        Assert.True(trained.Exit == 0, trained.Err);
        var yaml = File.ReadAllText(CliHarness.Scenario("tiny.yaml"));
        Assert.Contains("mind: { kind: scripted }", yaml);
        File.WriteAllText(temp["tiny-model.yaml"], yaml.Replace("mind: { kind: scripted }", $"mind: {{ kind: model, model: {temp["model"]} }}", StringComparison.Ordinal));

        var (exit, output, error) = await CliHarness.RunAsync("run", temp["tiny-model.yaml"], "--hours", "8", "--out", temp["run"], "--quiet");

        Assert.True(exit == 0, error);
        var usage = Regex.Match(output, @"Mind: (\d+) decisions .*?, (\d+) model calls");
        Assert.True(usage.Success, output);
        Assert.True(int.Parse(usage.Groups[1].Value) > 0 && int.Parse(usage.Groups[2].Value) >= int.Parse(usage.Groups[1].Value), output);
        Assert.Matches(@"replies that parsed \d+\.\d\d ?% \(\d+ of \d+\)", output);

        // The same model decoding freely: its own validity, each reply that did not parse retried and counted.
        var free = await CliHarness.RunAsync("run", temp["tiny-model.yaml"], "--hours", "2", "--out", temp["free"], "--quiet", "--unconstrained");

        Assert.True(free.Exit == 0, free.Err);
        var parsed = Regex.Match(free.Out, @"(\d+) decisions .*?, (\d+) model calls .*?fallback rate [^,]+, replies that parsed [^(]+\((\d+) of (\d+)\)");
        Assert.True(parsed.Success, free.Out);
        Assert.Equal(parsed.Groups[2].Value, parsed.Groups[4].Value);
        // A model of 20 steps, free of its reply shapes, gets some replies wrong (with them it gets none wrong in form).
        Assert.InRange(int.Parse(parsed.Groups[3].Value), 0, int.Parse(parsed.Groups[4].Value) - 1);
        Assert.Contains("| replies that parsed |", File.ReadAllText(Path.Combine(temp["free"], "report.md")), StringComparison.Ordinal);
        using var log = EventLog.OpenReadOnly(Path.Combine(temp["free"], "run.sqlite"));
        Assert.Equal("unconstrained", EventLog.ReadMeta(log, "decoding")); // so --resume continues the same way
    }

    [Fact]
    public async Task Unconstrained_decoding_is_for_the_model_mind_only()
    {
        using var temp = new TempFolder();

        var (exit, _, error) = await CliHarness.RunAsync("run", CliHarness.Scenario("tiny.yaml"), "--hours", "1", "--out", temp["run"], "--unconstrained");

        Assert.Equal(2, exit);
        Assert.Contains("--unconstrained applies to --mind model", error);
        Assert.False(Directory.Exists(temp["run"]));
    }

    [Fact]
    public async Task A_model_mind_without_a_model_folder_exits_2_and_says_where_it_looked()
    {
        using var temp = new TempFolder();
        var yaml = File.ReadAllText(CliHarness.Scenario("tiny.yaml"))
            .Replace("mind: { kind: scripted }", $"mind: {{ kind: model, model: {temp["nothing-here"]} }}", StringComparison.Ordinal);
        File.WriteAllText(temp["tiny-model.yaml"], yaml);

        var (exit, _, error) = await CliHarness.RunAsync("run", temp["tiny-model.yaml"], "--hours", "1", "--out", temp["run"]);

        Assert.Equal(2, exit);
        Assert.Contains("nothing-here", error);
        Assert.False(Directory.Exists(temp["run"]));
    }
}
