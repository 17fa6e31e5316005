using System.Globalization;
using Agents.Runtime.Checkpoints;
using Agents.Runtime.Devices;
using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace Agents.Runtime.Training;

/// <summary>
/// One call from a preference file to a model folder, as <c>agents train --dpo</c> runs it: read and check every pair,
/// load the starting model and its tokenizer, compute the frozen reference's log-probabilities, and train with
/// <see cref="DpoObjective"/>. Bad input is found before anything is written.
/// </summary>
public static class PreferenceJob
{
    /// <summary>The pairs built from chat data (with <see cref="PreferenceJobOptions.PairsFromChat"/>), written to the output folder.</summary>
    public const string PairsFile = "dpo_pairs.jsonl";

    /// <summary>Runs the job.</summary>
    /// <param name="job">What to train on, from which model, into where, how.</param>
    /// <param name="onProgress">Called after every optimiser step.</param>
    /// <param name="onStatus">Called with a line of text at each phase.</param>
    /// <param name="cancellationToken">Cancelling writes a resumable checkpoint, then throws.</param>
    /// <exception cref="DatasetFormatException">The pairs are missing or malformed (file and line named).</exception>
    /// <exception cref="RuntimeOptionException">An option is out of range, the output folder holds a model and resume was not asked for, or the run resumed was made with another beta, pairs file or reference.</exception>
    /// <exception cref="ModelFormatException">The starting model folder is missing or corrupt.</exception>
    public static async Task<PreferenceJobResult> RunAsync(
        PreferenceJobOptions job, Action<TrainingProgress>? onProgress = null, Action<string>? onStatus = null, CancellationToken cancellationToken = default)
    {
        var options = job.Training.Validate();
        if (!(job.Beta > 0) || !double.IsFinite(job.Beta))
        {
            throw new RuntimeOptionException($"DPO option out of range: expected --beta > 0, found {job.Beta}.");
        }

        if (!job.Resume && File.Exists(Path.Combine(job.OutputDirectory, ModelFolder.ConfigFile)))
        {
            throw new RuntimeOptionException($"--out {job.OutputDirectory}: the folder already holds a model; pass --resume to continue its run, or choose another folder.");
        }

        // What the DPO loss depends on beyond the training options: a resumed run must keep them.
        var objectiveOptions = new Dictionary<string, string>
        {
            [job.PairsFromChat ? "--dpo-from-chat" : "--dpo"] = Path.GetFullPath(job.PairsPath),
            ["--beta"] = job.Beta.ToString("R", CultureInfo.InvariantCulture),
            ["--init"] = Path.GetFullPath(job.InitFrom),
        };
        if (job.Resume)
        {
            Trainer.RequireSameObjectiveOptions(job.OutputDirectory, objectiveOptions);
        }

        onStatus?.Invoke($"reading {job.PairsPath}");
        IReadOnlyList<PreferencePair> pairs;
        if (job.PairsFromChat)
        {
            pairs = PreferencePairBuilder.FromConversations(DatasetReader.ReadChat(job.PairsPath), options.Seed);
            if (pairs.Count == 0)
            {
                throw new DatasetFormatException($"{job.PairsPath}: expected assistant replies that a corruption can change, found none to pair.");
            }
        }
        else
        {
            pairs = PreferencePairs.Read(job.PairsPath);
        }

        if (!Directory.Exists(job.InitFrom))
        {
            throw new ModelFormatException($"--init {job.InitFrom}: expected the model folder to improve (its frozen copy is the reference), found none.");
        }

        var tokenizer = ModelFolder.LoadTokenizer(job.InitFrom);
        using var thread = new ModelThread(job.Threads);
        var device = DeviceSelector.Resolve(job.Device);
        var model = await thread.CreateAsync(
            () =>
            {
                var loaded = ModelFolder.LoadModel(job.InitFrom);
                loaded.to(device);
                return loaded;
            },
            cancellationToken);
        if (model.Config.VocabularySize != tokenizer.VocabularySize)
        {
            throw new RuntimeOptionException($"--init {job.InitFrom}: the model has {model.Config.VocabularySize} token ids but its tokenizer {tokenizer.VocabularySize}.");
        }

        var length = options.SequenceLength > 0 ? options.SequenceLength : model.Config.ContextLength;
        if (length > model.Config.ContextLength)
        {
            throw new RuntimeOptionException($"Training option out of range: sequence length {length} exceeds the model's context length {model.Config.ContextLength}.");
        }

        var objective = new DpoObjective(tokenizer, pairs, length, job.Beta, job.HeldOutEvery);
        onStatus?.Invoke($"scoring {pairs.Count} pairs with the reference model");
        var before = await thread.RunAsync(
            () =>
            {
                // The reference runs as the policy will: in the trainer's compute type.
                model.ComputeType = options.Bf16 ? ScalarType.BFloat16 : ScalarType.Float32;
                objective.ComputeReference(model, options.BatchSize);
                return objective.Measure(model, heldOut: false, options.BatchSize);
            },
            cancellationToken);

        if (job.PairsFromChat)
        {
            Directory.CreateDirectory(job.OutputDirectory);
            PreferencePairs.Write(Path.Combine(job.OutputDirectory, PairsFile), pairs);
        }

        onStatus?.Invoke($"DPO on {objective.TrainingCount} pairs ({objective.HeldOutCount} held out), {model.Config.ParameterCount:N0} parameters");
        var trainer = new Trainer(thread, model, objective, options)
        {
            OutputDirectory = job.OutputDirectory,
            Tokenizer = tokenizer,
            OnProgress = onProgress,
            SaveType = job.SaveType,
            ObjectiveOptions = objectiveOptions,
        };
        var result = await trainer.RunAsync(job.Resume, cancellationToken);
        var (after, heldOutAfter) = await thread.RunAsync(
            () => (objective.Measure(model, heldOut: false, options.BatchSize), objective.Measure(model, heldOut: true, options.BatchSize)),
            CancellationToken.None);
        await thread.RunAsync(model.Dispose, CancellationToken.None);
        return new PreferenceJobResult(result, before, after, heldOutAfter);
    }
}
