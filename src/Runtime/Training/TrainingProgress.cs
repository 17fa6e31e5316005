namespace Agents.Runtime.Training;

/// <summary>One optimiser step's report: written to training.jsonl and given to the progress callback.</summary>
/// <param name="Step">The step just taken (1-based).</param>
/// <param name="TotalSteps">Steps in the whole run.</param>
/// <param name="Loss">Mean training loss of the step's micro-batches.</param>
/// <param name="LearningRate">Learning rate used.</param>
/// <param name="GradientNorm">Global gradient norm before clipping.</param>
/// <param name="Tokens">Tokens processed so far in this process (targets and context).</param>
/// <param name="TokensPerSecond">Throughput of this process so far.</param>
/// <param name="Elapsed">Wall time of this process so far.</param>
/// <param name="Remaining">Estimated wall time left.</param>
/// <param name="ValidationLoss">Held-out loss when this step evaluated, else null.</param>
/// <param name="Metrics">Figures of a training objective other than cross-entropy (e.g. DPO's "reward_margin"; held-out ones start with "val_"), else null.</param>
public sealed record TrainingProgress(
    int Step,
    int TotalSteps,
    double Loss,
    double LearningRate,
    double GradientNorm,
    long Tokens,
    double TokensPerSecond,
    TimeSpan Elapsed,
    TimeSpan Remaining,
    double? ValidationLoss,
    IReadOnlyDictionary<string, double>? Metrics = null);
