using Agents.Viewer.Frames;
using Agents.Viewer.Scene;

namespace Agents.Viewer.App;

/// <summary>
/// Where the window's frames come from: a replay of a run folder, or a live simulation. Called from the window's
/// thread only; <see cref="Update"/> must return quickly (a live source steps on its own task).
/// </summary>
public interface IFrameSource : IDisposable
{
    /// <summary>The town to draw now.</summary>
    TownFrame Current { get; }

    /// <summary>The town one step after <see cref="Current"/>, for gliding agents between tiles, or null when unknown.</summary>
    TownFrame? Next { get; }

    /// <summary>How far playback has moved from <see cref="Current"/> towards <see cref="Next"/>, in [0, 1).</summary>
    double Fraction { get; }

    /// <summary>The timeline of a replay, or null for a live simulation.</summary>
    Timeline? Timeline { get; }

    /// <summary>Advances by <paramref name="seconds"/> of wall time at <paramref name="gameMinutesPerSecond"/>, unless paused.</summary>
    void Update(double seconds, double gameMinutesPerSecond, bool paused);

    /// <summary>Jumps to a step (replays only; a live source ignores it).</summary>
    void Seek(long step);
}
