namespace Agents.Runtime.Training;

/// <summary>Linear warm-up to the peak, then cosine decay to the minimum at the last step (nanoGPT's schedule).</summary>
public static class LearningRateSchedule
{
    /// <summary>The learning rate of optimiser step <paramref name="step"/> (1-based).</summary>
    public static double At(int step, TrainingOptions options)
    {
        if (options.WarmupSteps > 0 && step <= options.WarmupSteps)
        {
            return options.LearningRate * step / options.WarmupSteps;
        }

        var decaySteps = Math.Max(1, options.Steps - options.WarmupSteps);
        var progress = Math.Clamp((double)(step - options.WarmupSteps) / decaySteps, 0, 1);
        var cosine = 0.5 * (1 + Math.Cos(Math.PI * progress));
        return options.MinLearningRate + (cosine * (options.LearningRate - options.MinLearningRate));
    }
}
