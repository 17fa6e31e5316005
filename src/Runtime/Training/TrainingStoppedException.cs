namespace Agents.Runtime.Training;

/// <summary>
/// A training run was cancelled (Ctrl+C, SIGTERM, ...) and its resumable checkpoint is on disk: resuming with the same
/// options continues from <see cref="Step"/>. A cancellation with nothing to resume stays a plain <see cref="OperationCanceledException"/>.
/// </summary>
/// <param name="step">The last step done and checkpointed.</param>
/// <param name="totalSteps">Steps of the whole run.</param>
/// <param name="directory">The folder holding the checkpoint.</param>
/// <param name="cancellationToken">The token that was cancelled.</param>
public sealed class TrainingStoppedException(int step, int totalSteps, string directory, CancellationToken cancellationToken)
    : OperationCanceledException($"Training stopped at step {step} of {totalSteps}; the checkpoint in {directory} resumes it.", cancellationToken)
{
    /// <summary>The last step done and checkpointed; a resumed run starts after it.</summary>
    public int Step { get; } = step;

    /// <summary>Steps of the whole run.</summary>
    public int TotalSteps { get; } = totalSteps;

    /// <summary>The folder holding the checkpoint.</summary>
    public string CheckpointDirectory { get; } = directory;
}
