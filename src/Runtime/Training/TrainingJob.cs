using System.Globalization;
using Agents.Runtime.Checkpoints;
using Agents.Runtime.Devices;
using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using Agents.Runtime.Tokenization;
using TorchSharp;

namespace Agents.Runtime.Training;

/// <summary>
/// One call from files to a model folder, as <c>agents train</c> runs it: read and check the data, get a tokenizer
/// (from the folder being resumed, from the model being fine-tuned, or trained on the data), build or load the
/// model, and train. Bad input is found before anything is written.
/// </summary>
public static class TrainingJob
{
    /// <summary>The model shape used when neither --config nor --init gives one (about 3.7M parameters with a 4k vocabulary).</summary>
    public static ModelConfig DefaultModel { get; } = new(VocabularySize: 4096, ContextLength: 256, Layers: 4, Heads: 4, KeyValueHeads: 2, Width: 256, HiddenSize: 688);

    /// <summary>Runs the job.</summary>
    /// <param name="job">What to train on, into where, how.</param>
    /// <param name="onProgress">Called after every optimiser step.</param>
    /// <param name="onStatus">Called with a line of text at each phase (reading data, training the tokenizer, ...).</param>
    /// <param name="cancellationToken">Cancelling writes a resumable checkpoint, then throws.</param>
    /// <exception cref="DatasetFormatException">The data is missing or malformed (file and line named).</exception>
    /// <exception cref="RuntimeOptionException">An option is out of range, the output folder holds a model and --resume was not given, or the run resumed was distilled with other options (or without them).</exception>
    /// <exception cref="Native.TorchUnavailableException">TorchSharp's native library cannot be loaded.</exception>
    public static async Task<TrainingResult> RunAsync(
        TrainingJobOptions job, Action<TrainingProgress>? onProgress = null, Action<string>? onStatus = null, CancellationToken cancellationToken = default)
    {
        var options = job.Training.Validate();
        var resuming = job.Resume && File.Exists(Path.Combine(job.OutputDirectory, Trainer.StateFile));
        if (!job.Resume && File.Exists(Path.Combine(job.OutputDirectory, ModelFolder.ConfigFile)))
        {
            throw new RuntimeOptionException($"--out {job.OutputDirectory}: the folder already holds a model; pass --resume to continue its run, or choose another folder.");
        }

        var objectiveOptions = ObjectiveOptions(job.Distillation, options.DocumentMasks);
        if (resuming)
        {
            Trainer.RequireSameObjectiveOptions(job.OutputDirectory, objectiveOptions);
        }

        onStatus?.Invoke($"reading {job.DataPath}");
        var documents = job.Sft ? null : DatasetReader.ReadText(job.DataPath);
        var conversations = job.Sft ? DatasetReader.ReadChat(job.DataPath) : null;

        using var thread = new ModelThread(job.Threads);
        var device = DeviceSelector.Resolve(job.Device);

        ChatTokenizer tokenizer;
        if (resuming)
        {
            tokenizer = ModelFolder.LoadTokenizer(job.OutputDirectory);
        }
        else if (job.InitFrom is not null)
        {
            tokenizer = ModelFolder.LoadTokenizer(job.InitFrom);
        }
        else if (job.Distillation is { } teacher)
        {
            tokenizer = ModelFolder.LoadTokenizer(teacher.TeacherDirectory);
        }
        else
        {
            onStatus?.Invoke($"training a byte-level BPE tokenizer ({job.VocabularySize} tokens{(job.SingleDigits ? ", single digits" : string.Empty)})");
            var corpus = documents ?? conversations!.SelectMany(c => c.Select(m => m.Content)).ToList();
            tokenizer = BpeTrainer.Train(corpus, job.VocabularySize, individualDigits: job.SingleDigits);
        }

        onStatus?.Invoke("tokenizing");
        ITrainingData data;
        if (documents is not null)
        {
            var stream = new List<int>();
            foreach (var document in documents)
            {
                stream.AddRange(tokenizer.Encode(document));
                stream.Add(tokenizer.EndOfText);
            }

            data = new TokenStream(stream.ToArray(), job.HeldOutFraction);
        }
        else
        {
            data = new ChatExamples(tokenizer, conversations!, pack: true);
        }

        var model = await thread.CreateAsync(
            () =>
            {
                var built = resuming ? new Transformer(ModelConfig.Load(Path.Combine(job.OutputDirectory, ModelFolder.ConfigFile)), options.Seed)
                    : job.InitFrom is not null ? ModelFolder.LoadModel(job.InitFrom)
                    : new Transformer((job.Model ?? DefaultModel) with { VocabularySize = tokenizer.VocabularySize }, options.Seed);
                built.to(device);
                return built;
            },
            cancellationToken);
        if (model.Config.VocabularySize != tokenizer.VocabularySize)
        {
            throw new RuntimeOptionException($"--init {job.InitFrom}: the model has {model.Config.VocabularySize} token ids but its tokenizer {tokenizer.VocabularySize}.");
        }

        model.DocumentSeparator = options.DocumentMasks ? tokenizer.EndOfText : null;

        var length = options.SequenceLength > 0 ? options.SequenceLength : model.Config.ContextLength;
        if (documents is not null && data.TrainingTokens * job.HeldOutFraction < length + 1)
        {
            throw new DatasetFormatException(
                $"{job.DataPath}: expected enough text for a held-out split of at least one sequence ({length + 1} tokens), found {data.TrainingTokens / (1 - job.HeldOutFraction):0} tokens in all; add text or lower --block.");
        }

        ITrainingObjective objective = new NextTokenObjective(data);
        if (job.Distillation is { } distillation)
        {
            onStatus?.Invoke($"loading the teacher {distillation.TeacherDirectory}");
            var source = resuming ? $"--out {job.OutputDirectory}" : job.InitFrom is not null ? $"--init {job.InitFrom}" : $"--teacher {distillation.TeacherDirectory}";
            objective = await DistillationObjective.LoadAsync(thread, distillation, data, tokenizer, source, model.Config, length, device, cancellationToken);
        }

        onStatus?.Invoke($"training {model.Config.ParameterCount:N0} parameters on {data.TrainingTokens:N0} tokens");
        var trainer = new Trainer(thread, model, objective, options)
        {
            OutputDirectory = job.OutputDirectory,
            Tokenizer = tokenizer,
            OnProgress = onProgress,
            SaveType = job.SaveType,
            ObjectiveOptions = objectiveOptions,
        };
        var result = await trainer.RunAsync(job.Resume, cancellationToken);
        await thread.RunAsync(model.Dispose, CancellationToken.None);
        await thread.RunAsync(() => (objective as IDisposable)?.Dispose(), CancellationToken.None);
        return result;
    }

    /// <summary>What a resumed run must share with the run it resumes beyond the training options: the teacher and how it is distilled, and whether attention is masked per document.</summary>
    private static Dictionary<string, string> ObjectiveOptions(DistillationOptions? distillation, bool documentMasks)
    {
        var options = distillation is null ? new Dictionary<string, string>() : new()
        {
            ["--teacher"] = Path.GetFullPath(distillation.TeacherDirectory),
            ["--kd-temperature"] = distillation.Temperature.ToString("R", CultureInfo.InvariantCulture),
            ["--kd-weight"] = distillation.Weight.ToString("R", CultureInfo.InvariantCulture),
        };
        if (documentMasks)
        {
            options["--document-masks"] = "on";
        }

        return options;
    }
}
