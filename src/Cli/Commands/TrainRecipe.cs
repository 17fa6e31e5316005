using System.Text.Json;
using Agents.Runtime.Checkpoints;
using Agents.Runtime.Evaluation;
using Agents.Runtime.Model;
using Agents.Runtime.Training;
using Agents.World.Scenarios;
using Spectre.Console;

namespace Agents.Cli.Commands;

/// <summary>
/// <c>agents train --recipe default</c>: the bundled model from nothing. Distil the scripted teacher's decisions on
/// Smallville over several seeded variations (unless --data names a dataset), train the tokenizer and the model on them,
/// then evaluate it on the held-out decisions and write the table beside the weights (eval.md, eval.json) with the
/// recipe itself (recipe.json).
/// </summary>
internal static class TrainRecipe
{
    /// <summary>The recipes this version knows.</summary>
    public static IReadOnlyList<string> Names { get; } = ["default"];

    /// <summary>The default model's shape: about 3.7M parameters, 7.4 MB in bf16, a context that holds any decision's prompt and reply.</summary>
    public static ModelConfig Model { get; } = new(VocabularySize: 4096, ContextLength: 768, Layers: 4, Heads: 4, KeyValueHeads: 2, Width: 256, HiddenSize: 688);

    /// <summary>The default model's training: packed rows of 768 tokens, 8 to a step.</summary>
    public static TrainingOptions Training { get; } = new()
    {
        Steps = 900,
        BatchSize = 8,
        SequenceLength = 768,
        LearningRate = 2e-3,
        MinLearningRate = 2e-4,
        WarmupSteps = 60,
        EvalEvery = 200,
        Seed = 1337,
    };

    /// <summary>Where the recipe distils its data when --data is not given (relative to the working folder).</summary>
    public const string DataFile = "data/recipe-default/decisions.jsonl";

    /// <summary>The teacher's scenario, hours per seed and seeds.</summary>
    public const string Scenario = "scenarios/smallville.yaml";

    /// <summary>Game hours per seed: February 13 and 14.</summary>
    public const double Hours = 48;

    /// <summary>Seeds: the scenario as written, then variations.</summary>
    public const int Seeds = 3;

    /// <summary>Runs the recipe.</summary>
    public static async Task<int> RunAsync(
        IAnsiConsole console, string name, string output, string? data, int? steps, string device, int threads, bool resume, CancellationToken cancel)
    {
        if (!Names.Contains(name))
        {
            throw new CliUsageException($"--recipe: expected one of {string.Join(", ", Names)}; got '{name}'.");
        }

        var train = Path.GetFullPath(data ?? DataFile);
        var heldOut = Path.ChangeExtension(train, null) + ".heldout.jsonl";
        if (data is null && !File.Exists(train))
        {
            console.MarkupLineInterpolated($"[bold]1/3[/] distilling the scripted teacher on {Scenario}: {Seeds} seeds x {Hours} game hours into {train}");
            await DistillCommand.DistillAsync(console, ScenarioLoader.Load(Path.GetFullPath(Scenario)), "scripted", Hours, Seeds, vary: true, share: 0.1, train, heldOut, cancel);
        }
        else
        {
            console.MarkupLineInterpolated($"[bold]1/3[/] data: {train}");
        }

        var options = Training with { Steps = steps ?? Training.Steps, WarmupSteps = Math.Min(Training.WarmupSteps, (steps ?? Training.Steps) / 10) };
        var job = new TrainingJobOptions(train, output, options, Sft: true, Model: Model, VocabularySize: Model.VocabularySize, Resume: resume, Device: device, Threads: threads, SaveType: SafeTensorsType.BF16);
        console.MarkupLineInterpolated($"[bold]2/3[/] training {Model.Layers} layers x {Model.Width} wide, context {Model.ContextLength}, {options.Steps} steps of {options.BatchSize} x {options.SequenceLength} tokens");
        var result = await TrainCommand.TrainWithProgressAsync(console, job, cancel);
        if (result is null)
        {
            return AgentsCommand.Ok;
        }

        WriteRecipe(output, name, train, options, result);
        if (!File.Exists(heldOut))
        {
            console.MarkupLineInterpolated($"[yellow]3/3 skipped[/]: no held-out decisions at {heldOut} to evaluate on.");
            return AgentsCommand.Ok;
        }

        console.MarkupLineInterpolated($"[bold]3/3[/] evaluating on {heldOut}");
        var report = await EvalCommand.EvaluateAsync(console, output, LabelledReply.Read(heldOut), new ReplyEvaluationOptions(), device, threads, cancel);
        EvalCommand.Write(report, Path.Combine(output, "eval.md"));
        return AgentsCommand.Ok;
    }

    private static void WriteRecipe(string output, string name, string data, TrainingOptions options, TrainingResult result)
    {
        var record = new
        {
            recipe = name,
            data = Path.GetRelativePath(Directory.GetCurrentDirectory(), data),
            teacher = new { scenario = Scenario, hours = Hours, seeds = Seeds, mind = "scripted" },
            model = Model,
            training = options,
            final_loss = result.History.Count > 0 ? result.History[^1].Loss : double.NaN,
            held_out_loss = result.FinalValidationLoss,
            seconds = result.Elapsed.TotalSeconds,
        };
        File.WriteAllText(Path.Combine(output, "recipe.json"), JsonSerializer.Serialize(record, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
    }
}
