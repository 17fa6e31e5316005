using System.Globalization;
using Agents.Runtime.Checkpoints;
using Agents.Runtime.Devices;
using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using TorchSharp;

namespace Agents.Runtime.Training;

/// <summary>
/// One call from files to a LoRA adapter, as <c>agents train --lora</c> runs it: check the options and the data,
/// load the base (frozen: no gradients, no optimiser state), attach a fresh adapter (B = 0, so it starts as the base),
/// fine-tune it on chat JSONL, and save it (and, with merge, the merged model). The base folder is only read.
/// </summary>
public static class LoraTrainingJob
{
    /// <summary>Runs the job.</summary>
    /// <param name="job">What to train, on which base, into where, how.</param>
    /// <param name="onProgress">Called after every optimiser step.</param>
    /// <param name="onStatus">Called with a line of text at each phase.</param>
    /// <param name="cancellationToken">Cancelling writes a resumable checkpoint, then throws.</param>
    /// <exception cref="DatasetFormatException">The data is missing or malformed (file and line named).</exception>
    /// <exception cref="RuntimeOptionException">An option is out of range (--rank, --alpha, --targets, --lora-dropout, ...), --base is no model folder, --out holds a run and --resume was not given, or the run resumed was made with other options or another base.</exception>
    /// <exception cref="ModelFormatException">A file of the base or of the checkpoint is corrupt.</exception>
    /// <exception cref="Native.TorchUnavailableException">TorchSharp's native library cannot be loaded.</exception>
    public static async Task<LoraTrainingResult> RunAsync(
        LoraJobOptions job, Action<TrainingProgress>? onProgress = null, Action<string>? onStatus = null, CancellationToken cancellationToken = default)
    {
        var options = job.Training.Validate();
        var lora = job.Lora.Validate();
        if (!File.Exists(Path.Combine(job.BaseDirectory, ModelFolder.ConfigFile)))
        {
            throw new RuntimeOptionException($"--base {job.BaseDirectory}: expected a model folder (config.json, model.safetensors, tokenizer.json), found none.");
        }

        if (string.Equals(Path.GetFullPath(job.BaseDirectory).TrimEnd(Path.DirectorySeparatorChar), Path.GetFullPath(job.OutputDirectory).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            throw new RuntimeOptionException($"--out {job.OutputDirectory}: expected a folder other than --base; the base model is never written.");
        }

        var resuming = job.Resume && File.Exists(Path.Combine(job.OutputDirectory, Trainer.StateFile));
        if (!job.Resume && (File.Exists(Path.Combine(job.OutputDirectory, LoraFolder.ConfigFile)) || File.Exists(Path.Combine(job.OutputDirectory, ModelFolder.ConfigFile))))
        {
            throw new RuntimeOptionException($"--out {job.OutputDirectory}: the folder already holds an adapter or a model; pass --resume to continue its run, or choose another folder.");
        }

        var saved = resuming ? LoraFolder.LoadConfig(job.OutputDirectory) : null;
        if (saved is not null && !saved.SameShape(lora))
        {
            throw new RuntimeOptionException(
                $"--rank/--alpha/--targets: the run in {job.OutputDirectory} was made with rank {saved.Rank}, alpha {saved.Alpha}, targets {Targets(saved)}; " +
                $"this one asks for rank {lora.Rank}, alpha {lora.Alpha}, targets {Targets(lora)}. Resume with the same ones, or train into a new folder.");
        }

        if (saved is not null && !saved.Dropout.Equals(lora.Dropout))
        {
            throw new RuntimeOptionException(
                $"--lora-dropout: the run in {job.OutputDirectory} was made with --lora-dropout {saved.Dropout.ToString(CultureInfo.InvariantCulture)}; " +
                $"this one asks for {lora.Dropout.ToString(CultureInfo.InvariantCulture)}. Resume with the same one, or train into a new folder.");
        }

        onStatus?.Invoke($"reading {job.DataPath}");
        var conversations = DatasetReader.ReadChat(job.DataPath);
        var tokenizer = ModelFolder.LoadTokenizer(job.BaseDirectory);

        using var thread = new ModelThread(job.Threads);
        var device = DeviceSelector.Resolve(job.Device);
        onStatus?.Invoke($"loading the base model {job.BaseDirectory}");
        var model = await thread.CreateAsync(
            () =>
            {
                var loaded = ModelFolder.LoadModel(job.BaseDirectory);
                loaded.to(device);
                return loaded;
            },
            cancellationToken);
        LoraAdapter? adapter = null;
        try
        {
            if (model.Config.VocabularySize != tokenizer.VocabularySize)
            {
                throw new RuntimeOptionException($"--base {job.BaseDirectory}: the model has {model.Config.VocabularySize} token ids but its tokenizer {tokenizer.VocabularySize}.");
            }

            adapter = await thread.CreateAsync(() => LoraAdapter.Create(model, lora, options.Seed, Path.GetFullPath(job.BaseDirectory)), cancellationToken);
            if (saved is not null && !string.Equals(saved.BaseModelSha256, adapter.Config.BaseModelSha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new RuntimeOptionException(
                    $"--base {job.BaseDirectory}: the adapter in {job.OutputDirectory} was trained on another base model ({saved.BaseModel ?? "unnamed"}); resume it on that base.");
            }

            var attached = adapter;
            await thread.RunAsync(() => attached.Attach(model), cancellationToken);
            var data = new ChatExamples(tokenizer, conversations);
            var trainer = new Trainer(thread, model, data, options)
            {
                OutputDirectory = job.OutputDirectory,
                OnProgress = onProgress,
                Adapter = adapter,
            };
            double? baseLoss = resuming ? null : await trainer.EvaluateAsync(cancellationToken);
            var baseParameters = model.Config.ParameterCount;
            onStatus?.Invoke($"training {adapter.ParameterCount:N0} LoRA parameters ({100.0 * adapter.ParameterCount / baseParameters:0.00}% of the {baseParameters:N0} frozen) on {data.TrainingTokens:N0} tokens");
            var result = await trainer.RunAsync(job.Resume, cancellationToken);
            if (job.Merge)
            {
                onStatus?.Invoke("merging the adapter into the base");
                await thread.RunAsync(() =>
                {
                    attached.MergeInto(model);
                    ModelFolder.Save(job.OutputDirectory, model, tokenizer: null, job.SaveType);
                });
                File.Copy(Path.Combine(job.BaseDirectory, ModelFolder.TokenizerFile), Path.Combine(job.OutputDirectory, ModelFolder.TokenizerFile), overwrite: true);
            }

            return new LoraTrainingResult(result, adapter.ParameterCount, baseParameters, baseLoss);
        }
        finally
        {
            var owned = adapter;
            await thread.RunAsync(
                () =>
                {
                    model.Adapter = null;
                    owned?.Dispose();
                    model.Dispose();
                },
                CancellationToken.None);
        }
    }

    private static string Targets(LoraConfig config) => string.Join(",", config.Targets.Select(LoraConfig.ShortName));
}
