using Agents.Runtime.Model;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Agents.Runtime.Training;

/// <summary>
/// The plain objective: next-token cross-entropy on batches of <see cref="ITrainingData"/> (pretraining, or
/// fine-tuning where only assistant tokens are targets). Holds no state of its own.
/// </summary>
public sealed class NextTokenObjective(ITrainingData data) : ITrainingObjective
{
    private static readonly IReadOnlyDictionary<string, double> None = new Dictionary<string, double>();

    /// <summary>The data batches are drawn from.</summary>
    public ITrainingData Data => data;

    /// <inheritdoc/>
    public Tensor Loss(Transformer model, bool heldOut, Random random, int batchSize, int length) =>
        CrossEntropy(model, data.Sample(heldOut, random, batchSize, length), batchSize, length);

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> TakeMetrics() => None;

    /// <inheritdoc/>
    public string LossLabel => LossPlot.CrossEntropyLabel;

    /// <summary>Mean cross-entropy of <paramref name="model"/> on a sampled batch (targets of -1 ignored); model thread.</summary>
    public static Tensor CrossEntropy(Transformer model, (long[] Inputs, long[] Targets) batch, int batchSize, int length)
    {
        var device = model.parameters().First().device;
        var inputs = tensor(batch.Inputs, device: device).view(batchSize, length);
        var targets = tensor(batch.Targets, device: device);
        var logits = model.forward(inputs);
        return F.cross_entropy(logits.view(-1, model.Config.VocabularySize).to(ScalarType.Float32), targets, ignore_index: -1);
    }
}
