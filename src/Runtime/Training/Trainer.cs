using System.Diagnostics;
using System.Text.Json;
using Agents.Runtime.Checkpoints;
using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using Agents.Runtime.Tokenization;
using static TorchSharp.torch;

namespace Agents.Runtime.Training;

/// <summary>
/// The training loop: AdamW with warm-up and cosine decay, gradient accumulation and clipping, held-out
/// evaluation, metrics (training.jsonl, loss.png), resumable checkpoints. Every step runs on the model thread in
/// its own dispose scope; batches are drawn from a generator seeded by (seed, step), so a resumed run sees the same
/// batches as an uninterrupted one. Cancelling finishes the current step, writes a checkpoint (when there is an output
/// folder) and then throws <see cref="TrainingStoppedException"/>.
/// </summary>
public sealed class Trainer
{
    /// <summary>Optimiser moments of a resumable checkpoint.</summary>
    public const string OptimizerFile = "optimizer.safetensors";

    /// <summary>Step and options of a resumable checkpoint.</summary>
    public const string StateFile = "trainer_state.json";

    /// <summary>The metrics log.</summary>
    public const string MetricsFile = "training.jsonl";

    /// <summary>The loss plot.</summary>
    public const string PlotFile = "loss.png";

    private readonly ModelThread thread;
    private readonly Transformer model;
    private readonly ITrainingObjective objective;
    private readonly TrainingOptions options;
    private readonly int length;

    /// <summary>Prepares a run of <paramref name="model"/> (created on <paramref name="thread"/>) on <paramref name="data"/>.</summary>
    public Trainer(ModelThread thread, Transformer model, ITrainingData data, TrainingOptions options)
        : this(thread, model, new NextTokenObjective(data), options)
    {
    }

    /// <summary>Prepares a run of <paramref name="model"/> that minimises <paramref name="objective"/> (e.g. distillation or DPO rather than cross-entropy).</summary>
    public Trainer(ModelThread thread, Transformer model, ITrainingObjective objective, TrainingOptions options)
    {
        this.thread = thread;
        this.model = model;
        this.objective = objective;
        this.options = options.Validate();
        length = options.SequenceLength > 0 ? options.SequenceLength : model.Config.ContextLength;
        if (length > model.Config.ContextLength)
        {
            throw new RuntimeOptionException($"Training option out of range: sequence length {length} exceeds the model's context length {model.Config.ContextLength}.");
        }
    }

    /// <summary>Folder for checkpoints, the final model, training.jsonl and loss.png; null keeps everything in memory.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Tokenizer saved with the model, when given.</summary>
    public ChatTokenizer? Tokenizer { get; init; }

    /// <summary>Called after every step, on the caller's side of the loop (not the model thread); keep it quick.</summary>
    public Action<TrainingProgress>? OnProgress { get; init; }

    /// <summary>Element type of the saved weights.</summary>
    public SafeTensorsType SaveType { get; init; } = SafeTensorsType.F32;

    /// <summary>LoRA: train only this adapter, attached to the model (whose weights stay frozen), and checkpoint it instead of the model.</summary>
    public LoraAdapter? Adapter { get; init; }

    /// <summary>
    /// The options that shape the objective beyond <see cref="TrainingOptions"/>, by command-line name ("--beta", "--teacher",
    /// ...) to value, e.g. a DPO beta: recorded in the checkpoint; a resume with other values is refused, naming the option.
    /// </summary>
    public IReadOnlyDictionary<string, string> ObjectiveOptions { get; init; } = new Dictionary<string, string>();

    /// <summary>Tokens per optimiser step.</summary>
    public long TokensPerStep => (long)options.BatchSize * length * options.AccumulationSteps;

    /// <summary>Runs to the last step; with <paramref name="resume"/>, continues from the checkpoint in <see cref="OutputDirectory"/> if there is one.</summary>
    /// <exception cref="ModelFormatException">The checkpoint to resume is corrupt or was made with other training options.</exception>
    /// <exception cref="RuntimeOptionException">The checkpoint to resume was made with other <see cref="ObjectiveOptions"/>.</exception>
    /// <exception cref="TrainingStoppedException">Cancelled before the last step; the checkpoint in <see cref="OutputDirectory"/> resumes the run.</exception>
    /// <exception cref="OperationCanceledException">Cancelled with no checkpoint to resume (no output folder, or no step done yet).</exception>
    public async Task<TrainingResult> RunAsync(bool resume = false, CancellationToken cancellationToken = default)
    {
        if (Adapter is not null && !ReferenceEquals(model.Adapter, Adapter))
        {
            throw new InvalidOperationException("Attach the LoRA adapter to the model (LoraAdapter.Attach) before training it.");
        }

        using var optimizer = await thread.CreateAsync(() => Adapter is null ? new AdamW(model) : new AdamW(Adapter.NamedParameters.Select(p => (p.Name, p.Parameter, true))), cancellationToken);
        model.ComputeType = options.Bf16 ? ScalarType.BFloat16 : ScalarType.Float32;
        var history = new List<TrainingProgress>();
        var first = 1;
        if (resume && OutputDirectory is not null && File.Exists(Path.Combine(OutputDirectory, StateFile)))
        {
            first = await ResumeAsync(optimizer, history, cancellationToken) + 1;
        }

        StreamWriter? metrics = null;
        if (OutputDirectory is not null)
        {
            Directory.CreateDirectory(OutputDirectory);
            MetricsLog.Write(Path.Combine(OutputDirectory, MetricsFile), history);
            metrics = new StreamWriter(Path.Combine(OutputDirectory, MetricsFile), append: true) { AutoFlush = true };
        }

        var clock = Stopwatch.StartNew();
        long tokens = 0;
        var lastDone = first - 1;
        try
        {
            for (var step = first; step <= options.Steps; step++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                var learningRate = LearningRateSchedule.At(step, options);
                var current = step;
                var (loss, norm) = await thread.RunAsync(() => TrainStep(optimizer, current, learningRate), CancellationToken.None);
                var figures = objective.TakeMetrics();
                if (!double.IsFinite(loss))
                {
                    throw new InvalidOperationException($"Training diverged: the loss of step {step} is {loss}. Lower the learning rate or check the data.");
                }

                tokens += TokensPerStep;
                double? validation = null;
                if (step == options.Steps || (options.EvalEvery > 0 && step % options.EvalEvery == 0))
                {
                    validation = options.EvalEvery > 0 || step == options.Steps ? await EvaluateAsync(CancellationToken.None) : null;
                    figures = WithHeldOut(figures, objective.TakeMetrics());
                }

                var elapsed = clock.Elapsed;
                var perSecond = tokens / Math.Max(elapsed.TotalSeconds, 1e-9);
                var remaining = TimeSpan.FromSeconds((options.Steps - step) * TokensPerStep / Math.Max(perSecond, 1e-9));
                var progress = new TrainingProgress(step, options.Steps, loss, learningRate, norm, tokens, perSecond, elapsed, remaining, validation, figures.Count > 0 ? figures : null);
                history.Add(progress);
                metrics?.WriteLine(MetricsLog.ToLine(progress));
                lastDone = step;
                OnProgress?.Invoke(progress);
                if (OutputDirectory is not null && options.CheckpointEvery > 0 && step % options.CheckpointEvery == 0 && step != options.Steps)
                {
                    await CheckpointAsync(optimizer, step, history);
                }
            }
        }
        finally
        {
            metrics?.Dispose();
        }

        if (OutputDirectory is not null && lastDone >= first)
        {
            await CheckpointAsync(optimizer, lastDone, history);
        }

        if (cancellationToken.IsCancellationRequested && lastDone < options.Steps)
        {
            // A checkpoint of lastDone exists when this run did a step (written just above) or resumed one.
            if (OutputDirectory is not null && lastDone > 0)
            {
                throw new TrainingStoppedException(lastDone, options.Steps, OutputDirectory, cancellationToken);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        return new TrainingResult(history, history.LastOrDefault(h => h.ValidationLoss is not null)?.ValidationLoss, clock.Elapsed);
    }

    /// <summary>Mean held-out loss over <see cref="TrainingOptions.EvalBatches"/> fixed batches.</summary>
    public Task<double> EvaluateAsync(CancellationToken cancellationToken = default) =>
        thread.RunAsync(
            () =>
            {
                model.eval();
                using var _ = no_grad();
                var total = 0.0;
                for (var i = 0; i < options.EvalBatches; i++)
                {
                    // One scope per batch: a long evaluation would otherwise hold every batch's activations until it ends.
                    using var batch = NewDisposeScope();
                    var random = new Random(unchecked((options.Seed * 7919) + 104729 + i));
                    total += objective.Loss(model, heldOut: true, random, options.BatchSize, length).item<float>();
                }

                model.train();
                return total / options.EvalBatches;
            },
            cancellationToken);

    private (double Loss, double Norm) TrainStep(AdamW optimizer, int step, double learningRate)
    {
        model.train();
        optimizer.ZeroGradients();
        var total = 0.0;
        for (var micro = 0; micro < options.AccumulationSteps; micro++)
        {
            var seed = unchecked((((options.Seed * 1000003) + step) * 8191) + micro);
            var random = new Random(seed);
            Adapter?.SeedDropout(seed);
            var loss = objective.Loss(model, heldOut: false, random, options.BatchSize, length);
            (loss / options.AccumulationSteps).backward();
            total += loss.item<float>();
        }

        var parameters = (Adapter?.NamedParameters.Select(p => p.Parameter) ?? model.parameters()).ToList();
        var norm = options.GradientClip > 0
            ? nn.utils.clip_grad_norm_(parameters, options.GradientClip)
            : stack(parameters.Where(p => p.grad is not null).Select(p => p.grad!.norm())).norm().item<float>();
        optimizer.Step(learningRate, options);
        return (total / options.AccumulationSteps, norm);
    }

    /// <summary>The objective's training figures plus its held-out ones, named "val_" + name.</summary>
    private static IReadOnlyDictionary<string, double> WithHeldOut(IReadOnlyDictionary<string, double> training, IReadOnlyDictionary<string, double> heldOut)
    {
        var all = new Dictionary<string, double>(training);
        foreach (var (name, value) in heldOut)
        {
            all["val_" + name] = value;
        }

        return all;
    }

    private async Task CheckpointAsync(AdamW optimizer, int step, IReadOnlyList<TrainingProgress> history)
    {
        var directory = OutputDirectory!;
        await thread.RunAsync(() =>
        {
            if (Adapter is not null)
            {
                LoraFolder.Save(directory, Adapter);
                optimizer.Save(Path.Combine(directory, OptimizerFile));
                return;
            }

            ModelFolder.Save(directory, model, Tokenizer, SaveType);
            if (SaveType != SafeTensorsType.F32)
            {
                // Resuming needs the exact float32 weights, whatever type the published file has.
                ModelFolder.SaveWeights(Path.Combine(directory, "resume.safetensors"), model);
            }

            optimizer.Save(Path.Combine(directory, OptimizerFile));
        });
        var state = JsonSerializer.Serialize(new { step, options, objective = ObjectiveOptions });
        File.WriteAllText(Path.Combine(directory, StateFile), state);
        LossPlot.Save(history, Path.Combine(directory, PlotFile), objective.LossLabel);
    }

    /// <summary>The step of the resumable checkpoint in <paramref name="directory"/>, or null when it holds none.</summary>
    public static int? CheckpointStep(string directory)
    {
        var path = Path.Combine(directory, StateFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var state = JsonDocument.Parse(File.ReadAllText(path));
            return state.RootElement.TryGetProperty("step", out var step) && step.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Refuses to resume the checkpoint in <paramref name="directory"/> when it was made with other objective options
    /// (see <see cref="ObjectiveOptions"/>): an option given to one run and not the other, or with another value.
    /// Checkpoints that recorded none (written before they were recorded) and folders without a checkpoint pass.
    /// Jobs call it before they write anything; <see cref="RunAsync"/> calls it again.
    /// </summary>
    /// <exception cref="RuntimeOptionException">An option differs; the message names it, both values and the folder.</exception>
    public static void RequireSameObjectiveOptions(string directory, IReadOnlyDictionary<string, string> objectiveOptions)
    {
        var statePath = Path.Combine(directory, StateFile);
        if (!File.Exists(statePath))
        {
            return;
        }

        using var state = JsonDocument.Parse(File.ReadAllText(statePath));
        if (!state.RootElement.TryGetProperty("objective", out var recorded) || recorded.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var saved = recorded.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString());
        foreach (var name in objectiveOptions.Keys.Concat(saved.Keys).Distinct())
        {
            var (then, now) = (saved.GetValueOrDefault(name), objectiveOptions.GetValueOrDefault(name));
            if (then == now)
            {
                continue;
            }

            string With(string? value) => value is null ? $"without {name}" : $"with {name} {value}";
            throw new RuntimeOptionException(
                $"{name}: the run in {directory} was made {With(then)} and cannot be resumed {With(now)}; resume it {With(then)}, or train into a new folder.");
        }
    }

    private async Task<int> ResumeAsync(AdamW optimizer, List<TrainingProgress> history, CancellationToken cancellationToken)
    {
        var directory = OutputDirectory!;
        var statePath = Path.Combine(directory, StateFile);
        using var state = JsonDocument.Parse(File.ReadAllText(statePath));
        var step = state.RootElement.GetProperty("step").GetInt32();
        var saved = state.RootElement.GetProperty("options").Deserialize<TrainingOptions>()
            ?? throw new ModelFormatException($"{statePath}: expected the options of the interrupted run, found none.");
        if (saved with { CheckpointEvery = 0, EvalEvery = 0 } != options with { CheckpointEvery = 0, EvalEvery = 0 })
        {
            throw new ModelFormatException($"{statePath}: the checkpoint was made with other training options ({saved}); resume with the same ones, or train into a new folder.");
        }

        RequireSameObjectiveOptions(directory, ObjectiveOptions);

        await thread.RunAsync(
            () =>
            {
                var exact = Path.Combine(directory, "resume.safetensors");
                if (Adapter is not null)
                {
                    LoraFolder.LoadWeights(Adapter, Path.Combine(directory, LoraFolder.WeightsFile));
                }
                else
                {
                    ModelFolder.LoadWeights(model, File.Exists(exact) ? exact : Path.Combine(directory, ModelFolder.WeightsFile));
                }

                optimizer.Load(Path.Combine(directory, OptimizerFile));
            },
            cancellationToken);
        history.AddRange(MetricsLog.Read(Path.Combine(directory, MetricsFile), step));
        return step;
    }
}
