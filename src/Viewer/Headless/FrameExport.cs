using System.Globalization;
using Agents.Viewer.Rendering;
using Agents.Viewer.Replay;
using Agents.Viewer.Scene;

namespace Agents.Viewer.Headless;

/// <summary>
/// Writes PNG frames of a replay without a window: one frame at a game time, or a series between two times.
/// Not thread-safe (the replay and the renderer are single-threaded).
/// </summary>
/// <param name="replay">The run to draw; not disposed here.</param>
/// <param name="width">Frame width in pixels.</param>
/// <param name="height">Frame height in pixels.</param>
public sealed class FrameExport(RunReplay replay, int width = 1280, int height = 800) : IDisposable
{
    private readonly SceneRenderer _renderer = new();
    private readonly SceneComposer _composer = SceneComposer.WithMemories(replay?.LoadMemories());

    /// <summary>The agent to select (panel and ring), or null for none.</summary>
    public string? Selected { get; init; }

    /// <summary>The camera; null fits the whole map into the frame.</summary>
    public Camera? Camera { get; init; }

    /// <summary>The scene at a step, as the frames draw it (with the timeline of the run).</summary>
    public SceneState SceneAt(long step)
    {
        ArgumentNullException.ThrowIfNull(replay);
        var frame = replay.FrameAt(step);
        var layout = new SceneLayout(width, height);
        var camera = Camera ?? Scene.Camera.Fit(replay.Scenario.Map, width, height, Selected is null ? 0 : layout.Panel.Width, SceneLayout.TimelineHeight);
        return _composer.Compose(frame, camera, Selected) with
        {
            Timeline = new Timeline(replay.FirstStep, replay.LastStep, frame.Step, replay.Clock.TimeAt(replay.FirstStep), replay.Clock.TimeAt(replay.LastStep)),
        };
    }

    /// <summary>Writes the frame at <paramref name="time"/> to <paramref name="path"/>; returns the step drawn.</summary>
    public long WritePng(DateTime time, string path)
    {
        var step = replay.StepAt(time);
        PngFrames.Write(_renderer, SceneAt(step), width, height, path);
        return step;
    }

    /// <summary>
    /// Writes frames from <paramref name="from"/> to <paramref name="to"/> every <paramref name="everySteps"/> steps
    /// into <paramref name="folder"/> as frame-000000.png, frame-000001.png ...; returns the files written.
    /// </summary>
    public IReadOnlyList<string> WriteFrames(DateTime from, DateTime to, int everySteps, string folder, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(everySteps, 1);
        var first = replay.StepAt(from);
        var last = replay.StepAt(to);
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        for (var step = first; step <= last; step += everySteps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = System.IO.Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"frame-{files.Count:D6}.png"));
            PngFrames.Write(_renderer, SceneAt(step), width, height, path);
            files.Add(path);
        }

        return files;
    }

    /// <inheritdoc />
    public void Dispose() => _renderer.Dispose();
}
