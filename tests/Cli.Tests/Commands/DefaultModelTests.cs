using System.Globalization;
using System.Text.RegularExpressions;
using Agents.Cli.Commands;

namespace Agents.Cli.Tests.Commands;

/// <summary>The model the repository ships: small, in bf16, evaluated, and able to drive a run by itself.</summary>
public sealed class DefaultModelTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "models", "default");

    [Fact]
    public void The_shipped_model_is_a_bf16_folder_of_at_most_ten_megabytes_with_its_recipe_and_evaluation()
    {
        foreach (var file in new[] { "config.json", "model.safetensors", "tokenizer.json", "recipe.json", "eval.md" })
        {
            Assert.True(File.Exists(Path.Combine(Folder, file)), $"models/default/{file} is missing");
        }

        var size = Directory.EnumerateFiles(Folder).Sum(f => new FileInfo(f).Length);
        Assert.InRange(size, 1, 10L * 1024 * 1024);
        using var weights = File.OpenRead(Path.Combine(Folder, "model.safetensors"));
        var header = new byte[8];
        weights.ReadExactly(header);
        var json = new byte[BitConverter.ToInt64(header)];
        weights.ReadExactly(json);
        var text = System.Text.Encoding.UTF8.GetString(json);
        Assert.Contains("\"BF16\"", text);
        Assert.DoesNotContain("\"F32\"", text);
    }

    [Fact]
    public void The_shipped_model_is_what_the_recipe_makes_now()
    {
        using var recipe = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "recipe.json")));
        var training = recipe.RootElement.GetProperty("training");
        var tokenizer = Agents.Runtime.Tokenization.ChatTokenizer.Load(Path.Combine(Folder, "tokenizer.json"));

        Assert.Equal(TrainRecipe.Training.Steps, training.GetProperty("steps").GetInt32());
        Assert.Equal(TrainRecipe.Training.DocumentMasks, training.TryGetProperty("document_masks", out var masks) && masks.GetBoolean());
        Assert.Equal(TrainRecipe.SingleDigits, tokenizer.IndividualDigits);
        Assert.Equal(TrainRecipe.Model.Layers, recipe.RootElement.GetProperty("model").GetProperty("layers").GetInt32());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task The_shipped_model_drives_a_run_with_every_reply_valid_under_constraints()
    {
        using var temp = new TempFolder();

        var (exit, output, error) = await CliHarness.RunAsync(
            "run", CliHarness.Scenario("tiny.yaml"), "--hours", "9", "--mind", "model", "--model", Folder, "--out", temp["run"], "--quiet");

        Assert.True(exit == 0, error);
        var usage = Regex.Match(output, @"Mind: (\d+) decisions .*?, (\d+) model calls .*fallback rate ([0-9.]+) %");
        Assert.True(usage.Success, output);
        Assert.True(int.Parse(usage.Groups[1].Value, CultureInfo.InvariantCulture) > 0, output);
        Assert.Equal(0.0, double.Parse(usage.Groups[3].Value, CultureInfo.InvariantCulture));
    }
}
