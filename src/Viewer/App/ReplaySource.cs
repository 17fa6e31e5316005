using Agents.Viewer.Frames;
using Agents.Viewer.Replay;
using Agents.Viewer.Scene;

namespace Agents.Viewer.App;

/// <summary>Plays a run folder back: a position on the timeline that moves with the speed, and seeks. Owns the replay.</summary>
public sealed class ReplaySource : IFrameSource
{
    private readonly RunReplay _replay;
    private readonly double _stepsPerGameMinute;
    private double _position;
    private TownFrame _current;
    private TownFrame? _next;

    /// <summary>Starts at <paramref name="step"/> (clamped to the run).</summary>
    public ReplaySource(RunReplay replay, long step = 0)
    {
        _replay = replay ?? throw new ArgumentNullException(nameof(replay));
        _stepsPerGameMinute = TimeSpan.FromMinutes(1) / replay.Clock.StepLength;
        _position = Math.Clamp(step, replay.FirstStep, replay.LastStep);
        _current = replay.FrameAt((long)_position);
        _next = _current.Step < replay.LastStep ? replay.FrameAt(_current.Step + 1) : null;
    }

    /// <inheritdoc />
    public TownFrame Current => _current;

    /// <inheritdoc />
    public TownFrame? Next => _next;

    /// <inheritdoc />
    public double Fraction => _next is null ? 0 : Math.Clamp(_position - _current.Step, 0, 0.999);

    /// <inheritdoc />
    public Timeline Timeline => new(_replay.FirstStep, _replay.LastStep, _current.Step, _replay.Clock.TimeAt(_replay.FirstStep), _replay.Clock.TimeAt(_replay.LastStep));

    /// <summary>True once playback reached the last step.</summary>
    public bool AtEnd => _current.Step >= _replay.LastStep;

    /// <inheritdoc />
    public void Update(double seconds, double gameMinutesPerSecond, bool paused)
    {
        if (!paused)
        {
            _position = Math.Min(_replay.LastStep, _position + (seconds * gameMinutesPerSecond * _stepsPerGameMinute));
        }

        Refresh();
    }

    /// <inheritdoc />
    public void Seek(long step)
    {
        _position = Math.Clamp(step, _replay.FirstStep, _replay.LastStep);
        Refresh();
    }

    /// <inheritdoc />
    public void Dispose() => _replay.Dispose();

    private void Refresh()
    {
        // Two frames are kept (this step and the next) so playback only ever moves the replay forward.
        var step = (long)_position;
        if (step == _current.Step)
        {
            return;
        }

        _current = _next is not null && _next.Step == step ? _next : _replay.FrameAt(step);
        _next = step < _replay.LastStep ? _replay.FrameAt(step + 1) : null;
    }
}
