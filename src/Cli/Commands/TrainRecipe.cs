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
/// Smallville over several seeded variations (unless --data names a dataset), write the arena's curricula beside them
/// (the programmatic solvers' direct, chain-of-thought, self-consistency and ReAct traces on items the arena never
/// plays), train the tokenizer and the model on both, then evaluate it on the held-out decisions of both and write the
/// table beside the weights (eval.md, eval.json) with the recipe itself (recipe.json).
/// </summary>
internal static class TrainRecipe
{
    /// <summary>The recipes this version knows.</summary>
    public static IReadOnlyList<string> Names { get; } = ["default"];

    /// <summary>The default model's shape: 3.95M parameters with the recipe's 4,096-token vocabulary, 7.9 MB in bf16, a context that holds any decision's prompt and reply.</summary>
    public static ModelConfig Model { get; } = new(VocabularySize: 4096, ContextLength: 768, Layers: 4, Heads: 4, KeyValueHeads: 2, Width: 256, HiddenSize: 688);

    /// <summary>The default model's training: packed rows of 768 tokens, 8 to a step, each conversation attending only to itself; 2,000 steps (95 min on 2 cores).</summary>
    public static TrainingOptions Training { get; } = new()
    {
        Steps = 2000,
        BatchSize = 8,
        SequenceLength = 768,
        LearningRate = 2e-3,
        MinLearningRate = 2e-4,
        WarmupSteps = 60,
        EvalEvery = 400,
        Seed = 1337,
        DocumentMasks = true,
    };

    /// <summary>
    /// Whether the recipe's tokenizer splits numbers into single digits. Not yet: two runs with single digits (one with
    /// document masks) copied worse from their prompts in Smallville than the shipped model (docs/BENCHMARKS.md).
    /// </summary>
    public const bool SingleDigits = false;

    /// <summary>Where the recipe distils its data when --data is not given (relative to the working folder).</summary>
    public const string DataFile = "data/recipe-default/decisions.jsonl";

    /// <summary>The teacher's scenario, hours per seed and seeds.</summary>
    public const string Scenario = "scenarios/smallville.yaml";

    /// <summary>Game hours per seed: February 13 and 14.</summary>
    public const double Hours = 48;

    /// <summary>Seeds: the scenario as written, then variations.</summary>
    public const int Seeds = 3;

    /// <summary>The arena files whose task sets become curricula (relative to the working folder).</summary>
    public static IReadOnlyList<string> ArenaFiles { get; } = ["scenarios/arena/arithmetic.yaml", "scenarios/arena/reasoning.yaml"];

    /// <summary>Curriculum items per task set: this many times the arena file's count.</summary>
    public const int ArenaScale = 10;

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

        var folder = Path.GetDirectoryName(train)!;
        var (arena, arenaHeldOut) = (Path.Combine(folder, "arena.jsonl"), Path.Combine(folder, "arena.heldout.jsonl"));
        if (!File.Exists(arena) || !File.Exists(arenaHeldOut))
        {
            console.MarkupLineInterpolated($"[bold]1/3[/] writing the arena curricula of {string.Join(", ", ArenaFiles)} into {arena}");
            await WriteCurriculaAsync(console, Directory.GetCurrentDirectory(), arena, arenaHeldOut, cancel);
        }

        var mix = Path.Combine(folder, "train-mix.jsonl");
        Concatenate([train, arena], mix);
        var options = Training with { Steps = steps ?? Training.Steps, WarmupSteps = Math.Min(Training.WarmupSteps, (steps ?? Training.Steps) / 10) };
        var job = new TrainingJobOptions(mix, output, options, Sft: true, Model: Model, VocabularySize: Model.VocabularySize, Resume: resume, Device: device, Threads: threads, SaveType: SafeTensorsType.BF16, SingleDigits: SingleDigits);
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

        console.MarkupLineInterpolated($"[bold]3/3[/] evaluating on {heldOut} and {arenaHeldOut}");
        var labelled = LabelledReply.Read(heldOut).Concat(LabelledReply.Read(arenaHeldOut)).ToList();
        var report = await EvalCommand.EvaluateAsync(console, output, labelled, new ReplyEvaluationOptions(), device, threads, cancel);
        EvalCommand.Write(report, Path.Combine(output, "eval.md"));
        return AgentsCommand.Ok;
    }

    /// <summary>
    /// Writes the curricula of <see cref="ArenaFiles"/>: <see cref="ArenaScale"/> times each set's count for training,
    /// its count again (another seed) held out; neither seed is the arena's own, so the arena tests unseen items.
    /// Each file is written whole or not at all. <paramref name="root"/> is the folder the arena files are relative to.
    /// </summary>
    internal static async Task WriteCurriculaAsync(IAnsiConsole console, string root, string train, string heldOut, CancellationToken cancel)
    {
        var specs = ArenaFiles.Select(file => Path.Combine(root, file)).Select(path => File.Exists(path)
            ? Agents.Arena.ArenaFile.Load(path).Spec
            : throw new CliUsageException($"--recipe default: the arena file {path} is missing; run the recipe from the repository's folder (its curricula come from {string.Join(" and ", ArenaFiles)}).")).ToList();
        foreach (var (path, scale, salt) in new[] { (train, ArenaScale, 303), (heldOut, 1, 909) })
        {
            var temp = path + ".tmp";
            try
            {
                await using (var writer = new StreamWriter(temp) { NewLine = "\n" })
                {
                    for (var i = 0; i < specs.Count; i++)
                    {
                        var spec = specs[i];
                        var sets = spec.TaskSets.Select(t => t with { Count = t.Count * scale }).ToList();
                        var summary = await Agents.Arena.ArenaCurriculum.WriteAsync(sets, spec.Strategies, unchecked((spec.Seed * 31) + salt), spec.Examples, writer, cancel);
                        console.MarkupLineInterpolated($"  {Path.GetFileName(path)}: {ArenaFiles[i]}: {summary.Lines} decisions from {summary.Items} items ({summary.Dropped} unsolved left out)");
                    }
                }

                File.Move(temp, path, overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }
        }
    }

    // The training file: the parts one after another (the trainer shuffles), rewritten on each run.
    private static void Concatenate(IReadOnlyList<string> parts, string path)
    {
        var temp = path + ".tmp";
        try
        {
            using (var output = File.Create(temp))
            {
                foreach (var part in parts)
                {
                    using var input = File.OpenRead(part);
                    input.CopyTo(output);
                    if (input.Length > 0)
                    {
                        input.Position = input.Length - 1;
                        if (input.ReadByte() != '\n')
                        {
                            output.WriteByte((byte)'\n');
                        }
                    }
                }
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static void WriteRecipe(string output, string name, string data, TrainingOptions options, TrainingResult result)
    {
        var record = new
        {
            recipe = name,
            data = Path.GetRelativePath(Directory.GetCurrentDirectory(), data),
            teacher = new { scenario = Scenario, hours = Hours, seeds = Seeds, mind = "scripted" },
            curricula = new { files = ArenaFiles, scale = ArenaScale, teacher = "programmatic solvers" },
            model = Model,
            tokenizer = new { vocabulary = Model.VocabularySize, single_digits = SingleDigits },
            training = options,
            final_loss = result.History.Count > 0 ? result.History[^1].Loss : double.NaN,
            held_out_loss = result.FinalValidationLoss,
            seconds = result.Elapsed.TotalSeconds,
        };
        File.WriteAllText(Path.Combine(output, "recipe.json"), JsonSerializer.Serialize(record, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
    }
}
