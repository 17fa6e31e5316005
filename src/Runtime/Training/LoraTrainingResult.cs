namespace Agents.Runtime.Training;

/// <summary>What a finished LoRA run reports.</summary>
/// <param name="Training">The steps, losses and timing.</param>
/// <param name="TrainableParameters">Values in the adapter: the only ones trained.</param>
/// <param name="BaseParameters">Values in the frozen base model.</param>
/// <param name="BaseValidationLoss">Held-out loss of the base alone (before the first step), or null for a resumed run.</param>
public sealed record LoraTrainingResult(TrainingResult Training, long TrainableParameters, long BaseParameters, double? BaseValidationLoss);
