namespace Agents.World.Simulation;

/// <summary>The game clock: a start, a fixed step length, and the number of steps taken. Not thread-safe.</summary>
public sealed class SimClock
{
    /// <summary>Creates a clock at step 0.</summary>
    /// <param name="start">Game time at step 0.</param>
    /// <param name="stepLength">Game time one step advances (default in scenarios: 10 s).</param>
    public SimClock(DateTime start, TimeSpan stepLength)
    {
        if (stepLength <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(stepLength), stepLength, "A step must last a positive time.");
        }

        Start = start;
        StepLength = stepLength;
    }

    /// <summary>Game time at step 0.</summary>
    public DateTime Start { get; }

    /// <summary>Game time one step advances.</summary>
    public TimeSpan StepLength { get; }

    /// <summary>Steps taken so far.</summary>
    public long Step { get; private set; }

    /// <summary>The current game time.</summary>
    public DateTime Now => TimeAt(Step);

    /// <summary>The game time at a given step.</summary>
    public DateTime TimeAt(long step) => Start + (StepLength * step);

    /// <summary>The number of whole steps that fit in <paramref name="span"/> (at least one for a positive span).</summary>
    public long StepsIn(TimeSpan span) => span <= TimeSpan.Zero ? 0 : Math.Max(1, span.Ticks / StepLength.Ticks);

    /// <summary>The first step whose time is at or after <paramref name="time"/>.</summary>
    public long StepAt(DateTime time) =>
        time <= Start ? 0 : (long)Math.Ceiling((double)(time - Start).Ticks / StepLength.Ticks);

    /// <summary>Advances one step.</summary>
    public void Advance() => Step++;

    /// <summary>Sets the step count (used when resuming from a snapshot).</summary>
    public void Reset(long step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        Step = step;
    }
}
