using System.Text.Json;

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
}
