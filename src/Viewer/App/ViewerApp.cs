using System.Diagnostics;
using Agents.Viewer.Rendering;
using Agents.Viewer.Scene;
using Agents.Viewer.Window;

namespace Agents.Viewer.App;

/// <summary>
/// The window's loop: input to the controller, the source advanced by the wall time passed, the scene composed and
/// drawn. <see cref="RunFrame"/> does one iteration, so tests and hosts can drive it. Owns the renderer, not the
/// window or the source. Every call on the window's thread.
/// </summary>
public sealed class ViewerApp : IDisposable
{
    private readonly IViewerWindow _window;
    private readonly IFrameSource _source;
    private readonly SceneRenderer _renderer = new();
    private readonly SceneComposer _composer;
    private readonly List<InputEvent> _events = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last;

    /// <summary>Binds a window to a source; the camera starts fitted to the map.</summary>
    public ViewerApp(IViewerWindow window, IFrameSource source, SceneComposer? composer = null)
    {
        _window = window ?? throw new ArgumentNullException(nameof(window));
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _composer = composer ?? new SceneComposer();
        var map = source.Current.Scenario.Map;
        Controller = new ViewerController(Camera.Fit(map, window.Width, window.Height, 0, source.Timeline is null ? 0 : SceneLayout.TimelineHeight));
    }

    /// <summary>The interaction state.</summary>
    public ViewerController Controller { get; }

    /// <summary>The scene drawn by the last frame.</summary>
    public SceneState? LastScene { get; private set; }

    /// <summary>Frames drawn so far.</summary>
    public long Frames { get; private set; }

    /// <summary>Runs until the window closes, the user quits, or <paramref name="cancellationToken"/> fires.</summary>
    public void Run(CancellationToken cancellationToken)
    {
        while (!_window.ShouldClose && !Controller.QuitRequested && !cancellationToken.IsCancellationRequested)
        {
            RunFrame();
        }
    }

    /// <summary>One frame: input, advance, compose, draw, show.</summary>
    public void RunFrame()
    {
        var now = _clock.Elapsed;
        var seconds = Math.Min(0.25, (now - _last).TotalSeconds);
        _last = now;
        var (w, h) = (_window.Width, _window.Height);
        _events.Clear();
        _window.Input.Drain(_events);
        foreach (var e in _events)
        {
            Controller.Handle(e, _source, w, h);
        }

        _source.Update(seconds, Controller.Speed, Controller.Paused);
        var frame = _source.Current;
        var scene = SceneComposer.Interpolate(_composer.Compose(frame, Controller.Camera, Controller.Selected), _source.Next, _source.Fraction);
        Controller.FollowSelected(scene);
        scene = scene with
        {
            Camera = Controller.Camera,
            Speed = $"{Controller.Speed}x",
            Paused = Controller.Paused,
            Timeline = _source.Timeline,
            ShowHelp = Controller.ShowHelp,
            Status = Controller.Status,
        };
        var canvas = _window.BeginFrame();
        _renderer.Render(canvas, scene, _window.Width, _window.Height);
        _window.EndFrame();
        LastScene = scene;
        Frames++;
    }

    /// <inheritdoc />
    public void Dispose() => _renderer.Dispose();
}
