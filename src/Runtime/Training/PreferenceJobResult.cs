namespace Agents.Runtime.Training;

/// <summary>What a finished DPO run reports.</summary>
/// <param name="Training">The trainer's report (loss is the DPO loss).</param>
/// <param name="Before">How the starting model (the reference) ranks the training pairs.</param>
/// <param name="After">How the trained model ranks them.</param>
/// <param name="HeldOutAfter">How the trained model ranks the held-out pairs (the training pairs when none are held out).</param>
public sealed record PreferenceJobResult(TrainingResult Training, PreferenceStatistics Before, PreferenceStatistics After, PreferenceStatistics HeldOutAfter);
