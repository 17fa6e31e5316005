using Agents.World.Events;

namespace Agents.Hosting;

/// <summary>A step of a <see cref="Simulation"/> finished: its number, game time and events.</summary>
public sealed class StepCompletedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public StepCompletedEventArgs(long step, DateTime time, IReadOnlyList<WorldEvent> events)
    {
        Step = step;
        Time = time;
        Events = events;
    }

    /// <summary>The step that finished.</summary>
    public long Step { get; }

    /// <summary>Its game time.</summary>
    public DateTime Time { get; }

    /// <summary>What happened in it (activities, moves, talk, plans, fallbacks).</summary>
    public IReadOnlyList<WorldEvent> Events { get; }
}
