using Agents.Runtime.Checkpoints;
using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using Agents.Runtime.Tokenization;
using TorchSharp;
using static TorchSharp.torch;

namespace Agents.Runtime.Training;

/// <summary>
/// Knowledge distillation with soft labels: the student learns from a teacher's whole next-token distribution as well as
/// from the data's hard labels (see <see cref="KnowledgeDistillation.Loss"/>). The teacher runs in eval mode under
/// no_grad on the same batches. The held-out loss is plain cross-entropy, so runs with and without a teacher compare;
/// the figures "kd_divergence" and "cross_entropy" (and their "val_" twins) go to the metrics log. Model thread only.
/// </summary>
public sealed class DistillationObjective : ITrainingObjective, IDisposable
{
    private readonly ITrainingData data;
    private readonly bool ownsTeacher;
    private readonly DistillationOptions options;
    private double divergenceSum;
    private double crossEntropySum;
    private int batches;

    /// <summary>Distils <paramref name="teacher"/> (created on the model thread, not owned) into the trained model on batches of <paramref name="data"/>.</summary>
    /// <exception cref="RuntimeOptionException">Temperature or weight out of range.</exception>
    public DistillationObjective(ITrainingData data, Transformer teacher, DistillationOptions options)
        : this(data, teacher, options, ownsTeacher: false)
    {
    }

    private DistillationObjective(ITrainingData data, Transformer teacher, DistillationOptions options, bool ownsTeacher)
    {
        this.data = data;
        Teacher = teacher;
        this.options = options.Validate();
        this.ownsTeacher = ownsTeacher;
    }

    /// <summary>The teacher model.</summary>
    public Transformer Teacher { get; }

    /// <summary>
    /// Loads the teacher folder of <paramref name="options"/> onto <paramref name="device"/> and checks it fits a student of
    /// shape <paramref name="student"/> with tokenizer <paramref name="tokenizer"/> (which came from
    /// <paramref name="tokenizerSource"/>, named in errors) on sequences of <paramref name="length"/> tokens. The objective owns
    /// the teacher: dispose it on the model thread.
    /// </summary>
    /// <exception cref="RuntimeOptionException">The tokenizers differ, or the teacher's vocabulary or context does not fit.</exception>
    /// <exception cref="ModelFormatException">The teacher folder is missing or corrupt.</exception>
    public static async Task<DistillationObjective> LoadAsync(
        ModelThread thread, DistillationOptions options, ITrainingData data, ChatTokenizer tokenizer, string tokenizerSource, ModelConfig student, int length, Device device, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var teacherTokenizer = ModelFolder.LoadTokenizer(options.TeacherDirectory);
        if (TokenizerDifference(teacherTokenizer, tokenizer) is { } difference)
        {
            throw new RuntimeOptionException(
                $"--teacher {options.TeacherDirectory}: its tokenizer differs from the student's (from {tokenizerSource}): {difference}. Distillation compares next-token distributions id by id, " +
                "so the student must use the teacher's tokenizer: train a new student (it takes the teacher's tokenizer), or choose a teacher with the same tokenizer.json.");
        }

        var teacher = await thread.CreateAsync(
            () =>
            {
                var loaded = ModelFolder.LoadModel(options.TeacherDirectory);
                loaded.to(device);
                loaded.eval();
                foreach (var parameter in loaded.parameters())
                {
                    parameter.requires_grad = false;
                }

                return loaded;
            },
            cancellationToken);
        var config = teacher.Config;
        if (config.VocabularySize != student.VocabularySize || config.ContextLength < length)
        {
            await thread.RunAsync(teacher.Dispose, CancellationToken.None);
            throw new RuntimeOptionException(
                $"--teacher {options.TeacherDirectory}: expected a teacher with {student.VocabularySize} token ids (the student's) and a context of at least {length} tokens, " +
                $"found {config.VocabularySize} ids and {config.ContextLength} tokens.");
        }

        return new DistillationObjective(data, teacher, options, ownsTeacher: true);
    }

    /// <summary>Where two tokenizers first differ, in words; null when they are the same.</summary>
    public static string? TokenizerDifference(ChatTokenizer teacher, ChatTokenizer student)
    {
        if (teacher.VocabularySize != student.VocabularySize)
        {
            return $"{teacher.VocabularySize} tokens against {student.VocabularySize}";
        }

        for (var id = 0; id < teacher.VocabularySize; id++)
        {
            if (teacher.Tokens[id] != student.Tokens[id])
            {
                return $"token id {id} is \"{teacher.Tokens[id]}\" against \"{student.Tokens[id]}\"";
            }
        }

        if (teacher.IndividualDigits != student.IndividualDigits)
        {
            return $"digits split {(teacher.IndividualDigits ? "one by one" : "in runs")} against {(student.IndividualDigits ? "one by one" : "in runs")}";
        }

        return teacher.Merges.SequenceEqual(student.Merges) ? null : "the same vocabulary but different merges";
    }

    /// <inheritdoc/>
    /// <remarks>While training: the distillation loss. Held out: the hard-label cross-entropy (the divergence is still measured).</remarks>
    public Tensor Loss(Transformer model, bool heldOut, Random random, int batchSize, int length)
    {
        var batch = data.Sample(heldOut, random, batchSize, length);
        var device = model.parameters().First().device;
        var inputs = tensor(batch.Inputs, device: device).view(batchSize, length);
        var targets = tensor(batch.Targets, device: device);
        var student = model.forward(inputs);
        Tensor teacherLogits;
        using (no_grad())
        {
            Teacher.eval();
            Teacher.ComputeType = model.ComputeType;
            Teacher.DocumentSeparator = model.DocumentSeparator;
            teacherLogits = Teacher.forward(inputs);
        }

        var (loss, divergence, crossEntropy) = KnowledgeDistillation.Loss(student, teacherLogits, targets, options.Temperature, options.Weight);
        divergenceSum += divergence.item<float>();
        crossEntropySum += crossEntropy.item<float>();
        batches++;
        return heldOut ? crossEntropy : loss;
    }

    /// <inheritdoc/>
    public string LossLabel => "distillation loss; held-out: cross-entropy (nats)";

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> TakeMetrics()
    {
        var figures = batches == 0
            ? new Dictionary<string, double>()
            : new Dictionary<string, double> { ["kd_divergence"] = divergenceSum / batches, ["cross_entropy"] = crossEntropySum / batches };
        divergenceSum = crossEntropySum = 0;
        batches = 0;
        return figures;
    }

    /// <summary>Frees the teacher when this objective loaded it; call on the model thread.</summary>
    public void Dispose()
    {
        if (ownsTeacher)
        {
            Teacher.Dispose();
        }
    }
}
