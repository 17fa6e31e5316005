using SkiaSharp;

namespace Agents.Viewer.Rendering;

/// <summary>
/// Where the overlays of a frame of a given size go: clock, side panel, timeline. The renderer draws them there and
/// the controller hit-tests clicks against the same rectangles.
/// </summary>
/// <param name="Width">Frame width in pixels.</param>
/// <param name="Height">Frame height in pixels.</param>
public readonly record struct SceneLayout(int Width, int Height)
{
    /// <summary>Height of the timeline bar.</summary>
    public const float TimelineHeight = 28f;

    /// <summary>The side panel at the right edge (a third of the width, 240 to 380 pixels).</summary>
    public SKRect Panel
    {
        get
        {
            var w = Math.Clamp(Width / 3f, 240f, 380f);
            return new SKRect(Width - w, 0, Width, Height - TimelineHeight);
        }
    }

    /// <summary>The timeline bar along the bottom edge.</summary>
    public SKRect Timeline => new(0, Height - TimelineHeight, Width, Height);

    /// <summary>Room at each end of the timeline for the first and last game time.</summary>
    public const float TimelineLabelWidth = 104f;

    /// <summary>The track inside the timeline that maps x to a step, between the two time labels.</summary>
    public SKRect TimelineTrack => new(Timeline.Left + TimelineLabelWidth, Timeline.Top + 10, Timeline.Right - TimelineLabelWidth, Timeline.Bottom - 10);

    /// <summary>The clock box at the top left.</summary>
    public SKRect Clock => new(8, 8, Math.Min(Width - 8, 400), 36);

    /// <summary>The fraction of the timeline track at screen x (clamped to [0, 1]).</summary>
    public double TimelineFractionAt(float x)
    {
        var track = TimelineTrack;
        return track.Width <= 0 ? 0 : Math.Clamp((x - track.Left) / track.Width, 0, 1);
    }
}
