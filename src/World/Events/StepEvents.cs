using MessagePack;

namespace Agents.World.Events;

/// <summary>The events of the step being computed, in the order they happened. Not thread-safe.</summary>
public sealed class StepEvents
{
    private readonly List<WorldEvent> _events = [];

    /// <summary>The events so far.</summary>
    public IReadOnlyList<WorldEvent> Items => _events;

    /// <summary>The step being recorded.</summary>
    public long Step { get; private set; }

    /// <summary>Game time of the step being recorded.</summary>
    public DateTime Time { get; private set; }

    /// <summary>Clears the buffer and starts recording a step.</summary>
    public void Begin(long step, DateTime time)
    {
        _events.Clear();
        Step = step;
        Time = time;
    }

    /// <summary>Records an event with a MessagePack-encoded payload.</summary>
    public void Add<T>(int entity, string kind, T payload) =>
        _events.Add(new WorldEvent(Step, Time, entity, kind, MessagePackSerializer.Serialize(payload)));
}
