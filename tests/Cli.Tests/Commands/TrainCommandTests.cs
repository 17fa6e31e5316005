using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Agents.Runtime.Training;

namespace Agents.Cli.Tests.Commands;

public sealed class TrainCommandTests
{
    private const string TinyModel = """
        { "model": { "layers": 1, "heads": 2, "key_value_heads": 1, "width": 32, "hidden_size": 64, "context_length": 32 } }
        """;

    [Fact]
    public async Task Train_writes_a_model_folder_whose_loss_falls_and_sample_reads_it()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["text.txt"], string.Concat(Enumerable.Repeat("the cat sat on the mat. the dog sat on the log. ", 300)));
        File.WriteAllText(temp["config.json"], TinyModel);

        var (exit, _, error) = await CliHarness.RunAsync(
            "train", "--data", temp["text.txt"], "--out", temp["model"], "--config", temp["config.json"],
            "--steps", "60", "--batch", "8", "--lr", "0.01", "--vocab", "280", "--eval-every", "0", "--threads", "1");

        Assert.True(exit == 0, error);
        foreach (var file in new[] { "config.json", "model.safetensors", "tokenizer.json", "training.jsonl", "loss.png" })
        {
            Assert.True(File.Exists(Path.Combine(temp["model"], file)), $"missing {file}");
        }

        var losses = File.ReadLines(Path.Combine(temp["model"], "training.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.TryGetProperty("loss", out _))
            .Select(e => e.GetProperty("loss").GetDouble())
            .ToList();
        Assert.True(losses.Count >= 2, "training.jsonl holds no losses");
        Assert.True(losses[^1] < losses[0] * 0.6, $"loss went from {losses[0]} to {losses[^1]}");

        var sample = await CliHarness.RunAsync("sample", temp["model"], "the cat", "--max-tokens", "12", "--temperature", "0", "--threads", "1");
        Assert.True(sample.Exit == 0, sample.Err);
        Assert.Contains("the cat", sample.Out);
        Assert.True(sample.Out.Trim().Length > "the cat".Length, sample.Out);
    }

    [Fact]
    public async Task A_stopped_run_says_at_which_step_and_resume_continues_from_that_step()
    {
        using var temp = new TempFolder();
        string[] args = [.. LongRun(temp), "--out", temp["model"]];

        var stopped = await RunUntilStepAsync(args, temp["model"], 3);

        Assert.Equal(130, stopped.Exit);
        var step = Trainer.CheckpointStep(temp["model"]);
        Assert.True(step >= 3, $"checkpoint at step {step}: {stopped.Err}");
        Assert.Contains($"Ctrl+C: stopped at step {step}; resume with --resume", stopped.Err);
        Assert.Equal(Enumerable.Range(1, step!.Value), LoggedSteps(temp["model"]));

        var resumed = await RunUntilStepAsync([.. args, "--resume"], temp["model"], step.Value + 3);

        Assert.Equal(130, resumed.Exit);
        var steps = LoggedSteps(temp["model"]);
        Assert.True(steps.Count >= step + 3, $"{steps.Count} steps after resuming from {step}: {resumed.Err}");
        Assert.Equal(Enumerable.Range(1, steps.Count), steps);
        Assert.Contains($"stopped at step {steps.Count}; resume with --resume", resumed.Err);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Sigterm_to_a_background_run_writes_its_checkpoint_and_exits_143_saying_how_to_resume()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // No SIGTERM to send there; the in-process test above covers the cancellation path.
        }

        using var temp = new TempFolder();
        using var process = CliHarness.Start([.. LongRun(temp), "--out", temp["model"]]);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (LoggedStepCount(temp["model"]) < 1 && !process.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        if (process.HasExited)
        {
            Assert.Fail("the run ended before it could be stopped: " + await error);
        }

        using (var kill = Process.Start("/bin/kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(wait.Token);
        await output;

        Assert.Equal(143, process.ExitCode);
        var step = Trainer.CheckpointStep(temp["model"]);
        Assert.NotNull(step);
        Assert.Contains($"SIGTERM: stopped at step {step}; resume with --resume", await error);
        Assert.Equal(Enumerable.Range(1, step.Value), LoggedSteps(temp["model"]));
    }

    [Fact]
    public async Task The_help_tells_how_a_run_stops_and_what_lora_dropout_does()
    {
        var help = await CliHarness.RunAsync("train", "--help");

        Assert.Contains("SIGTERM", help.Out);
        Assert.Contains("stopped at step N; resume with --resume", help.Out);
        Assert.Contains("--lora-dropout", help.Out);
    }

    [Fact]
    public async Task Packed_chat_trains_with_document_masks_and_a_single_digit_tokenizer()
    {
        using var temp = new TempFolder();
        File.WriteAllLines(temp["chat.jsonl"], Enumerable.Range(0, 40).Select(i =>
            $$"""{"messages":[{"role":"user","content":"what is {{i}} plus one?"},{"role":"assistant","content":"{{i + 1}}"}]}"""));
        File.WriteAllText(temp["config.json"], TinyModel);

        var (exit, _, error) = await CliHarness.RunAsync(
            "train", "--sft", "--data", temp["chat.jsonl"], "--config", temp["config.json"], "--out", temp["model"], "--steps", "3", "--batch", "2", "--vocab", "280", "--document-masks", "--single-digits", "--threads", "1");

        Assert.True(exit == 0, error);
        Assert.Equal([1, 2, 3], LoggedSteps(temp["model"]));
        Assert.Contains("\"individual_digits\": true", File.ReadAllText(Path.Combine(temp["model"], "tokenizer.json")));

        // A run with masks cannot be resumed without them: attention would change half-way.
        var unmasked = await CliHarness.RunAsync(
            "train", "--sft", "--data", temp["chat.jsonl"], "--config", temp["config.json"], "--out", temp["model"], "--steps", "5", "--batch", "2", "--resume", "--threads", "1");
        Assert.Equal(2, unmasked.Exit);
        Assert.Contains("--document-masks", unmasked.Err);
        Assert.Contains("--document-masks", (await CliHarness.RunAsync("train", "--help")).Out);
    }

    [Fact]
    public async Task A_bad_dataset_line_exits_2_naming_file_and_line_and_writes_no_model()
    {
        using var temp = new TempFolder();
        File.WriteAllLines(temp["chat.jsonl"],
        [
            """{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}""",
            """{"messages": 42}""",
        ]);

        var (exit, _, error) = await CliHarness.RunAsync("train", "--sft", "--data", temp["chat.jsonl"], "--out", temp["model"], "--steps", "2");

        Assert.Equal(2, exit);
        Assert.Contains($"{temp["chat.jsonl"]}:2:", error);
        Assert.False(Directory.Exists(temp["model"]));
    }

    /// <summary>Arguments (but --out) of a run far longer than any test waits for: it is always stopped.</summary>
    private static string[] LongRun(TempFolder temp)
    {
        File.WriteAllText(temp["text.txt"], string.Concat(Enumerable.Repeat("the cat sat on the mat. the dog sat on the log. ", 300)));
        File.WriteAllText(temp["config.json"], TinyModel);
        return ["train", "--data", temp["text.txt"], "--config", temp["config.json"], "--steps", "100000", "--batch", "4", "--vocab", "280", "--eval-every", "0", "--threads", "1"];
    }

    /// <summary>Runs the command in-process and cancels it as Ctrl+C does once training.jsonl holds <paramref name="steps"/> steps.</summary>
    private static async Task<(int Exit, string Out, string Err)> RunUntilStepAsync(string[] args, string folder, int steps)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var interrupt = new CancellationTokenSource();
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        var run = AgentsCommand.Build().Parse(args).InvokeAsync(configuration, interrupt.Token);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!run.IsCompleted && LoggedStepCount(folder) < steps && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        await interrupt.CancelAsync();
        var exit = await run;
        return (exit, output.ToString(), error.ToString());
    }

    private static int LoggedStepCount(string folder)
    {
        var path = Path.Combine(folder, Trainer.MetricsFile);
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Count(c => c == '\n');
    }

    private static List<int> LoggedSteps(string folder) =>
        File.ReadLines(Path.Combine(folder, Trainer.MetricsFile)).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("step").GetInt32()).ToList();
}
