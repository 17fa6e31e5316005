namespace Agents.Runtime.Training;

/// <summary>What a finished training run reports.</summary>
/// <param name="History">Every step's report, including steps of an earlier run that this one resumed.</param>
/// <param name="FinalValidationLoss">Held-out loss at the end, if evaluation ran.</param>
/// <param name="Elapsed">Wall time of this process.</param>
public sealed record TrainingResult(IReadOnlyList<TrainingProgress> History, double? FinalValidationLoss, TimeSpan Elapsed);
