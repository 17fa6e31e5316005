using System.Security.Cryptography;
using System.Text.Json;

namespace Agents.Cli.Tests.Commands;

public sealed class TrainLoraCommandTests
{
    private const string TinyModel = """
        { "model": { "layers": 2, "heads": 4, "key_value_heads": 2, "width": 32, "hidden_size": 64, "context_length": 64 } }
        """;

    private static readonly string[] Names = ["Isabella", "Klaus", "Maria", "Tom", "Ayesha"];

    [Fact]
    public async Task Train_lora_writes_an_adapter_and_a_merged_model_that_answer_alike_and_leaves_the_base_untouched()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["config.json"], TinyModel);
        WriteChat(temp["greetings.jsonl"], n => $"Hello! I am {n} and I feel fine today.");
        WriteChat(temp["reordered.jsonl"], n => $"Hello! I feel fine today and I am {n}.");
        var trained = await CliHarness.RunAsync(
            "train", "--sft", "--data", temp["greetings.jsonl"], "--out", temp["base"], "--config", temp["config.json"], "--vocab", "300",
            "--steps", "120", "--batch", "5", "--lr", "0.01", "--min-lr", "0.001", "--warmup", "10", "--weight-decay", "0", "--eval-every", "0", "--threads", "1");
        Assert.True(trained.Exit == 0, trained.Err);
        var baseFiles = Hashes(temp["base"]);

        var (exit, output, error) = await CliHarness.RunAsync(
            "train", "--lora", "--base", temp["base"], "--data", temp["reordered.jsonl"], "--out", temp["adapter"], "--rank", "4", "--alpha", "8", "--merge",
            "--steps", "100", "--batch", "4", "--lr", "0.01", "--min-lr", "0.001", "--warmup", "5", "--weight-decay", "0", "--eval-every", "0", "--threads", "1");

        Assert.True(exit == 0, error);
        Assert.Contains("4,096 trainable parameters", output);
        Assert.Equal(baseFiles, Hashes(temp["base"]));
        foreach (var file in new[] { "adapter.safetensors", "adapter_config.json", "config.json", "model.safetensors", "tokenizer.json", "training.jsonl", "loss.png" })
        {
            Assert.True(File.Exists(Path.Combine(temp["adapter"], file)), $"missing {file}");
        }

        using (var config = JsonDocument.Parse(File.ReadAllText(temp["adapter/adapter_config.json"])))
        {
            Assert.Equal(4, config.RootElement.GetProperty("r").GetInt32());
            Assert.Equal(8, config.RootElement.GetProperty("lora_alpha").GetDouble());
            Assert.Equal(7, config.RootElement.GetProperty("target_modules").GetArrayLength());
            Assert.Equal(Path.GetFullPath(temp["base"]), config.RootElement.GetProperty("base_model_name_or_path").GetString());
        }

        var losses = File.ReadLines(temp["adapter/training.jsonl"]).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("loss").GetDouble()).ToList();
        Assert.True(losses[^1] < 0.1 * losses[0], $"LoRA loss went from {losses[0]} to {losses[^1]}");

        async Task<string> Sample(params string[] extra)
        {
            var run = await CliHarness.RunAsync(["sample", .. extra, "Hello Klaus, how are you?", "--chat", "--temperature", "0", "--max-tokens", "30", "--threads", "1"]);
            Assert.True(run.Exit == 0, run.Err);
            return run.Out.Trim();
        }

        Assert.Equal("Hello! I am Klaus and I feel fine today.", await Sample(temp["base"]));
        Assert.Equal("Hello! I feel fine today and I am Klaus.", await Sample(temp["base"], "--adapter", temp["adapter"]));
        Assert.Equal("Hello! I feel fine today and I am Klaus.", await Sample(temp["adapter"]));

        // Another base (same shape, other weights) refuses the adapter, naming the option.
        var other = await CliHarness.RunAsync(
            "train", "--sft", "--data", temp["greetings.jsonl"], "--out", temp["other"], "--config", temp["config.json"], "--vocab", "300", "--steps", "1", "--seed", "7", "--eval-every", "0", "--threads", "1");
        Assert.True(other.Exit == 0, other.Err);
        var refused = await CliHarness.RunAsync("sample", temp["other"], "Hello", "--adapter", temp["adapter"], "--threads", "1");
        Assert.Equal(2, refused.Exit);
        Assert.Contains($"--adapter {temp["adapter"]}: the adapter was trained on another base model", refused.Err);
    }

    [Theory]
    [InlineData("--rank 0", "--rank")]
    [InlineData("--alpha 0", "--alpha")]
    [InlineData("--targets q,foo", "--targets: unknown target \"foo\"")]
    [InlineData("--base-missing", "--base")]
    [InlineData("--no-base", "--lora needs --base")]
    [InlineData("--no-lora --merge", "--base, --merge and --lora-dropout apply only with --lora")]
    [InlineData("--lora-dropout 1", "--lora-dropout: expected a dropout probability p with 0 <= p < 1, found 1")]
    [InlineData("--lora-dropout -0.2", "--lora-dropout: expected a dropout probability")]
    [InlineData("--no-lora --no-base --lora-dropout 0.1", "--base, --merge and --lora-dropout apply only with --lora")]
    public async Task Bad_lora_options_exit_2_naming_the_option_and_write_nothing(string options, string expected)
    {
        using var temp = new TempFolder();
        WriteChat(temp["chat.jsonl"], n => $"Hi {n}.");
        var args = new List<string> { "train", "--data", temp["chat.jsonl"], "--out", temp["adapter"], "--steps", "2" };
        var words = options.Split(' ');
        if (!words.Contains("--no-lora"))
        {
            args.Add("--lora");
        }

        if (!words.Contains("--no-base"))
        {
            args.AddRange(["--base", temp["no-model-here"]]);
        }

        args.AddRange(words.Where(w => w is not ("--no-lora" or "--no-base" or "--base-missing")));
        var (exit, _, error) = await CliHarness.RunAsync([.. args]);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error);
        Assert.False(Directory.Exists(temp["adapter"]));
    }

    private static void WriteChat(string path, Func<string, string> reply) =>
        File.WriteAllLines(path, Names.Select(n => JsonSerializer.Serialize(new
        {
            messages = new[] { new { role = "user", content = $"Hello {n}, how are you?" }, new { role = "assistant", content = reply(n) } },
        })));

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
