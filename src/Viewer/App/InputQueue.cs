using System.Collections.Concurrent;

namespace Agents.Viewer.App;

/// <summary>
/// Input events waiting for the next frame: the window's callbacks post here, and so can tests or a game embedding
/// the viewer. Thread-safe.
/// </summary>
public sealed class InputQueue
{
    private readonly ConcurrentQueue<InputEvent> _events = new();

    /// <summary>Adds an event.</summary>
    public void Post(InputEvent e) => _events.Enqueue(e);

    /// <summary>Moves every waiting event into <paramref name="into"/>, oldest first.</summary>
    public void Drain(List<InputEvent> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        while (_events.TryDequeue(out var e))
        {
            into.Add(e);
        }
    }
}
