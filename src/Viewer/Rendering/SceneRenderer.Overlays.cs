using System.Globalization;
using Agents.Viewer.Scene;
using SkiaSharp;

namespace Agents.Viewer.Rendering;

/// <summary>Clock, side panel, timeline, status line and help overlay.</summary>
public sealed partial class SceneRenderer
{
    /// <summary>The lines of the help overlay: key or gesture, then what it does.</summary>
    public static readonly IReadOnlyList<(string Keys, string Does)> HelpLines =
    [
        ("space", "play / pause"),
        ("+ -  up / down", "speed 1x .. 64x (1x = one game minute per second)"),
        ("left / right", "a game minute back / forward (shift: 10 minutes)"),
        ("home / end", "start / end of the replay"),
        ("drag timeline", "scrub the replay"),
        ("drag map", "pan"),
        ("wheel", "zoom"),
        ("click agent", "select (click empty ground to clear)"),
        ("tab", "select the next agent"),
        ("F", "follow the selected agent"),
        ("0", "fit the whole map"),
        ("?", "show / hide this help"),
        ("esc / Q", "quit"),
    ];

    private void DrawClock(SKCanvas canvas, SceneState scene, SceneLayout layout)
    {
        var text = scene.Time.ToString("ddd yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        if (scene.Speed is not null)
        {
            text += $"  {scene.Speed}";
        }

        if (scene.Paused)
        {
            text += "  paused";
        }

        if (scene.Title is not null)
        {
            text = $"{scene.Title}  {text}";
        }

        _boldFont.Size = 14;
        var w = _boldFont.MeasureText(text);
        var box = new SKRect(layout.Clock.Left, layout.Clock.Top, layout.Clock.Left + w + 16, layout.Clock.Bottom);
        _fill.Color = Palette.PanelBox;
        canvas.DrawRoundRect(box, 5, 5, _fill);
        _text.Color = Palette.LightText;
        canvas.DrawText(text, box.Left + 8, box.Bottom - 9, SKTextAlign.Left, _boldFont, _text);
    }

    private void DrawPanel(SKCanvas canvas, AgentPanel panel, SceneLayout layout)
    {
        var box = layout.Panel;
        _fill.Color = Palette.PanelBox;
        canvas.DrawRect(box, _fill);
        var x = box.Left + 14;
        var right = box.Right - 12;
        var y = box.Top + 30;
        _fill.Color = Palette.AgentColor(panel.Index);
        canvas.DrawCircle(x + 8, y - 6, 8, _fill);
        _boldFont.Size = 16;
        _text.Color = Palette.LightText;
        canvas.DrawText(Truncate(panel.Name, 30), x + 22, y, SKTextAlign.Left, _boldFont, _text);
        y += 16;
        foreach (var section in panel.Sections)
        {
            if (y > box.Bottom - 30)
            {
                break;
            }

            y += 12;
            _boldFont.Size = 12;
            _text.Color = Palette.Highlight;
            canvas.DrawText(section.Title.ToUpperInvariant(), x, y, SKTextAlign.Left, _boldFont, _text);
            y += 6;
            _font.Size = 12;
            foreach (var line in section.Lines)
            {
                foreach (var wrapped in Wrap(line.Text, right - x - 6, _font))
                {
                    if (y + 16 > box.Bottom - 6)
                    {
                        break;
                    }

                    y += 16;
                    if (line.Highlight)
                    {
                        _fill.Color = Palette.Highlight;
                        canvas.DrawRect(new SKRect(x - 4, y - 12, right, y + 4), _fill);
                        _text.Color = Palette.DarkText;
                    }
                    else
                    {
                        _text.Color = Palette.LightText;
                    }

                    canvas.DrawText(wrapped, x, y, SKTextAlign.Left, _font, _text);
                }
            }

            y += 6;
        }
    }

    private void DrawTimeline(SKCanvas canvas, Timeline timeline, SceneLayout layout)
    {
        _fill.Color = Palette.PanelBox;
        canvas.DrawRect(layout.Timeline, _fill);
        var track = layout.TimelineTrack;
        _fill.Color = new SKColor(0x50, 0x56, 0x60);
        canvas.DrawRoundRect(track, 4, 4, _fill);
        var x = track.Left + (float)(timeline.Fraction * track.Width);
        _fill.Color = Palette.Highlight;
        canvas.DrawRoundRect(new SKRect(track.Left, track.Top, x, track.Bottom), 4, 4, _fill);
        canvas.DrawCircle(x, track.MidY, 7, _fill);
        _font.Size = 11;
        _text.Color = Palette.LightText;
        var baseline = layout.Timeline.MidY + 4;
        canvas.DrawText(timeline.Start.ToString("ddd HH:mm", CultureInfo.InvariantCulture), track.Left - 10, baseline, SKTextAlign.Right, _font, _text);
        canvas.DrawText(timeline.End.ToString("ddd HH:mm", CultureInfo.InvariantCulture), track.Right + 10, baseline, SKTextAlign.Left, _font, _text);
    }

    private void DrawStatus(SKCanvas canvas, string status, SceneLayout layout, bool aboveTimeline)
    {
        var bottom = aboveTimeline ? layout.Timeline.Top - 6 : layout.Height - 6;
        _font.Size = 12;
        var w = _font.MeasureText(status);
        var box = new SKRect(8, bottom - 20, 8 + w + 12, bottom);
        _fill.Color = Palette.PanelBox;
        canvas.DrawRoundRect(box, 4, 4, _fill);
        _text.Color = Palette.LightText;
        canvas.DrawText(status, box.Left + 6, box.Bottom - 6, SKTextAlign.Left, _font, _text);
    }

    private void DrawHelp(SKCanvas canvas, SceneLayout layout)
    {
        var w = Math.Min(520, layout.Width - 40);
        var h = 50 + (HelpLines.Count * 20);
        var box = new SKRect((layout.Width - w) / 2f, (layout.Height - h) / 2f, (layout.Width + w) / 2f, (layout.Height + h) / 2f);
        _fill.Color = Palette.PanelBox;
        canvas.DrawRoundRect(box, 8, 8, _fill);
        _boldFont.Size = 15;
        _text.Color = Palette.Highlight;
        canvas.DrawText("Keys", box.Left + 16, box.Top + 28, SKTextAlign.Left, _boldFont, _text);
        var y = box.Top + 52;
        _font.Size = 13;
        _boldFont.Size = 13;
        foreach (var (keys, does) in HelpLines)
        {
            _text.Color = Palette.Highlight;
            canvas.DrawText(keys, box.Left + 16, y, SKTextAlign.Left, _boldFont, _text);
            _text.Color = Palette.LightText;
            canvas.DrawText(does, box.Left + 150, y, SKTextAlign.Left, _font, _text);
            y += 20;
        }
    }

    private static IEnumerable<string> Wrap(string text, float width, SKFont font)
    {
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }
}
