using static TorchSharp.torch;

namespace Agents.Runtime.Model;

/// <summary>
/// A learned change to the projections of a <see cref="Transformer"/> (a LoRA adapter): the model adds
/// <see cref="Delta"/> to each projection's output. Its weights are not the model's: they appear in neither
/// <c>named_parameters()</c> nor the saved model. Called on the model thread during every forward pass.
/// </summary>
public interface IProjectionAdapter
{
    /// <summary>
    /// What to add to the output of <paramref name="projection"/> in block <paramref name="layer"/> for its <paramref name="input"/>,
    /// in <paramref name="computeType"/>; null when that projection is not adapted. <paramref name="training"/> is the
    /// model's mode (train or eval), for changes that behave differently while training, such as dropout.
    /// </summary>
    Tensor? Delta(int layer, Projection projection, Tensor input, ScalarType computeType, bool training);
}
