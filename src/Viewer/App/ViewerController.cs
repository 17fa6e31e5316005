using Agents.Viewer.Rendering;
using Agents.Viewer.Scene;

namespace Agents.Viewer.App;

/// <summary>
/// The viewer's interaction state and what input does to it: pan by dragging, zoom with the wheel, click to select,
/// F to follow, space to pause, +/- for speed, arrows and the timeline to scrub, ? for help, Esc or Q to quit.
/// Pure logic, no window: tests drive it with <see cref="InputEvent"/>s. Not thread-safe.
/// </summary>
public sealed class ViewerController
{
    /// <summary>The speeds, in game minutes per wall second.</summary>
    public static readonly IReadOnlyList<int> Speeds = [1, 2, 4, 8, 16, 32, 64];

    private const float ClickSlop = 4f;
    private bool _mouseDown, _dragging, _scrubbing;
    private float _downX, _downY, _lastX, _lastY;

    /// <summary>Starts with a camera and playing at 1x.</summary>
    public ViewerController(Camera camera) => Camera = camera;

    /// <summary>The current camera.</summary>
    public Camera Camera { get; set; }

    /// <summary>The selected agent's name, or null.</summary>
    public string? Selected { get; set; }

    /// <summary>True while the camera follows the selected agent.</summary>
    public bool Follow { get; private set; }

    /// <summary>True while paused.</summary>
    public bool Paused { get; set; }

    /// <summary>Index into <see cref="Speeds"/>.</summary>
    public int SpeedIndex { get; private set; }

    /// <summary>Game minutes per wall second.</summary>
    public int Speed => Speeds[SpeedIndex];

    /// <summary>True while the help overlay shows.</summary>
    public bool ShowHelp { get; private set; }

    /// <summary>True once the user asked to quit.</summary>
    public bool QuitRequested { get; private set; }

    /// <summary>
    /// Applies one input event. <paramref name="source"/> gives the town under the pointer and takes seeks;
    /// (<paramref name="width"/>, <paramref name="height"/>) is the frame size.
    /// </summary>
    public void Handle(InputEvent e, IFrameSource source, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        var layout = new SceneLayout(width, height);
        switch (e.Kind)
        {
            case InputKind.Char:
                OnChar(e.Char, source, width, height);
                break;
            case InputKind.KeyDown:
                OnKey(e, source);
                break;
            case InputKind.MouseDown:
                _mouseDown = true;
                (_downX, _downY, _lastX, _lastY) = (e.X, e.Y, e.X, e.Y);
                _scrubbing = source.Timeline is not null && layout.Timeline.Contains(e.X, e.Y);
                if (_scrubbing)
                {
                    Scrub(source, layout, e.X);
                }

                break;
            case InputKind.MouseMove:
                if (_mouseDown && _scrubbing)
                {
                    Scrub(source, layout, e.X);
                }
                else if (_mouseDown)
                {
                    if (_dragging || Math.Abs(e.X - _downX) > ClickSlop || Math.Abs(e.Y - _downY) > ClickSlop)
                    {
                        _dragging = true;
                        Follow = false;
                        Camera = Camera.PannedBy(e.X - _lastX, e.Y - _lastY);
                    }
                }

                (_lastX, _lastY) = (e.X, e.Y);
                break;
            case InputKind.MouseUp:
                if (_mouseDown && !_dragging && !_scrubbing && !(Selected is not null && layout.Panel.Contains(e.X, e.Y)))
                {
                    Selected = SceneComposer.AgentAt(source.Current, Camera, e.X, e.Y, width, height);
                    Follow = Follow && Selected is not null;
                }

                _mouseDown = _dragging = _scrubbing = false;
                break;
            case InputKind.Scroll:
                Camera = Camera.ZoomedAt(MathF.Pow(1.2f, e.Delta), e.X, e.Y, width, height);
                break;
        }
    }

    /// <summary>Centres the camera on the followed agent, if any, where <paramref name="scene"/> draws it.</summary>
    public void FollowSelected(SceneState scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        if (Follow && scene.Agents.FirstOrDefault(a => string.Equals(a.Name, Selected, StringComparison.Ordinal)) is { } agent)
        {
            Camera = Camera.CenteredOn(agent.X + 0.5f, agent.Y + 0.5f);
        }
    }

    /// <summary>The status line: what is followed or selected, and a hint for help.</summary>
    public string Status => Selected is null
        ? "? for help"
        : Follow ? $"following {Selected}  (F to stop, ? for help)" : $"{Selected} selected  (F to follow, ? for help)";

    private void OnChar(char c, IFrameSource source, int width, int height)
    {
        switch (char.ToLowerInvariant(c))
        {
            case ' ':
                Paused = !Paused;
                break;
            case '+' or '=' or ']':
                SpeedIndex = Math.Min(Speeds.Count - 1, SpeedIndex + 1);
                break;
            case '-' or '_' or '[':
                SpeedIndex = Math.Max(0, SpeedIndex - 1);
                break;
            case 'f':
                Follow = !Follow && Selected is not null;
                break;
            case '?' or 'h':
                ShowHelp = !ShowHelp;
                break;
            case '0':
                Follow = false;
                Camera = Camera.Fit(source.Current.Scenario.Map, width, height, Selected is null ? 0 : new SceneLayout(width, height).Panel.Width, source.Timeline is null ? 0 : SceneLayout.TimelineHeight);
                break;
            case 'q':
                QuitRequested = true;
                break;
        }
    }

    private void OnKey(InputEvent e, IFrameSource source)
    {
        var stepsPerMinute = (long)Math.Max(1, TimeSpan.FromMinutes(1) / source.Current.Scenario.Step);
        var jump = (e.Shift ? 10 : 1) * stepsPerMinute;
        switch (e.Key)
        {
            case ViewerKey.Escape:
                if (ShowHelp)
                {
                    ShowHelp = false;
                }
                else
                {
                    QuitRequested = true;
                }

                break;
            case ViewerKey.Left:
                source.Seek(source.Current.Step - jump);
                break;
            case ViewerKey.Right:
                source.Seek(source.Current.Step + jump);
                break;
            case ViewerKey.Up:
                SpeedIndex = Math.Min(Speeds.Count - 1, SpeedIndex + 1);
                break;
            case ViewerKey.Down:
                SpeedIndex = Math.Max(0, SpeedIndex - 1);
                break;
            case ViewerKey.Home:
                source.Seek(source.Timeline?.FirstStep ?? 0);
                break;
            case ViewerKey.End:
                source.Seek(source.Timeline?.LastStep ?? source.Current.Step);
                break;
            case ViewerKey.Tab:
                var agents = source.Current.Agents;
                if (agents.Count > 0)
                {
                    var at = source.Current.FindAgent(Selected)?.Index ?? -1;
                    Selected = agents[(at + (e.Shift ? agents.Count - 1 : 1)) % agents.Count].Name;
                }

                break;
        }
    }

    private static void Scrub(IFrameSource source, SceneLayout layout, float x) =>
        source.Seek(source.Timeline!.StepAt(layout.TimelineFractionAt(x)));
}
