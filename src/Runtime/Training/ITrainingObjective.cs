using Agents.Runtime.Model;
using static TorchSharp.torch;

namespace Agents.Runtime.Training;

/// <summary>
/// What a <see cref="Trainer"/> minimises when it is not plain next-token cross-entropy on an
/// <see cref="ITrainingData"/>: knowledge distillation from a teacher, preference optimisation (DPO). The objective
/// owns its data and samples its own micro-batches. Used from the trainer's model thread only.
/// </summary>
public interface ITrainingObjective
{
    /// <summary>
    /// The loss of one micro-batch of <paramref name="batchSize"/> examples (at most <paramref name="length"/> tokens
    /// each) drawn with <paramref name="random"/> from the training or held-out split. Runs on the model thread inside
    /// the step's dispose scope; while training, gradients flow from the result into <paramref name="model"/>.
    /// </summary>
    Tensor Loss(Transformer model, bool heldOut, Random random, int batchSize, int length);

    /// <summary>
    /// Extra figures of the <see cref="Loss"/> calls since the last call (snake_case name to mean value, e.g.
    /// "reward_margin"), then forgets them; empty when the objective has none. Managed values only.
    /// </summary>
    IReadOnlyDictionary<string, double> TakeMetrics();

    /// <summary>What <see cref="Loss"/> measures, with its unit: the loss axis of the plot (e.g. "cross-entropy (nats)").</summary>
    string LossLabel { get; }
}
