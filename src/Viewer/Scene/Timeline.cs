namespace Agents.Viewer.Scene;

/// <summary>The replay timeline at the bottom of the view.</summary>
/// <param name="FirstStep">The first step that can be shown.</param>
/// <param name="LastStep">The last step that can be shown.</param>
/// <param name="CurrentStep">The step shown now.</param>
/// <param name="Start">Game time of <paramref name="FirstStep"/>.</param>
/// <param name="End">Game time of <paramref name="LastStep"/>.</param>
public sealed record Timeline(long FirstStep, long LastStep, long CurrentStep, DateTime Start, DateTime End)
{
    /// <summary>Where the current step lies, from 0 (first) to 1 (last).</summary>
    public double Fraction => LastStep <= FirstStep ? 0 : Math.Clamp((CurrentStep - FirstStep) / (double)(LastStep - FirstStep), 0, 1);

    /// <summary>The step at a fraction of the timeline (clamped to it).</summary>
    public long StepAt(double fraction) => FirstStep + (long)Math.Round(Math.Clamp(fraction, 0, 1) * (LastStep - FirstStep));
}
