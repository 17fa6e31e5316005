using Agents.Viewer.Scene;
using SkiaSharp;

namespace Agents.Viewer.Rendering;

/// <summary>Agents and speech bubbles.</summary>
public sealed partial class SceneRenderer
{
    /// <summary>The radius of an agent's disc at a tile size.</summary>
    public static float DiscRadius(float tileSize) => Math.Max(4f, tileSize * 0.45f);

    private void DrawAgents(SKCanvas canvas, SceneState scene, int width, int height)
    {
        var camera = scene.Camera;
        var radius = DiscRadius(camera.TileSize);
        _captions.Clear();
        AgentView? selected = null;
        foreach (var agent in scene.Agents)
        {
            if (string.Equals(agent.Name, scene.Selected, StringComparison.Ordinal))
            {
                selected = agent;
                continue;
            }

            DrawAgent(canvas, agent, scene, radius, width, height, false);
        }

        if (selected is not null)
        {
            DrawAgent(canvas, selected, scene, radius, width, height, true);
        }
    }

    private void DrawAgent(SKCanvas canvas, AgentView agent, SceneState scene, float radius, int width, int height, bool isSelected)
    {
        var centre = scene.Camera.TileToScreen(agent.X + 0.5f, agent.Y + 0.5f, width, height);
        if (centre.X < -radius * 8 || centre.Y < -radius * 4 || centre.X > width + (radius * 8) || centre.Y > height + (radius * 4))
        {
            return;
        }

        var color = Palette.AgentColor(agent.Index);
        if (isSelected)
        {
            _fill.Color = Palette.Selection;
            canvas.DrawCircle(centre, radius + 4, _fill);
        }

        _fill.Color = color;
        canvas.DrawCircle(centre, radius, _fill);
        _stroke.Color = new SKColor(0, 0, 0, 0x90);
        _stroke.StrokeWidth = Math.Max(1, radius / 8);
        canvas.DrawCircle(centre, radius, _stroke);
        if (radius >= 7)
        {
            _boldFont.Size = radius * 0.9f;
            _text.Color = Palette.TextOn(color);
            canvas.DrawText(agent.Initials, centre.X, centre.Y + (radius * 0.32f), SKTextAlign.Center, _boldFont, _text);
        }

        if (agent.IsSleeping)
        {
            DrawMark(canvas, "z", centre.X + (radius * 0.9f), centre.Y - (radius * 0.9f), radius, new SKColor(0x6C, 0x8E, 0xD9));
        }
        else if (agent.IsTalking)
        {
            DrawMark(canvas, "…", centre.X + (radius * 0.9f), centre.Y - (radius * 0.9f), radius, Palette.Bubble);
        }

        if ((scene.Camera.TileSize >= 12 || isSelected) && agent.Activity.Length > 0)
        {
            // Captions that would overlap one already drawn are left out (the selected agent's always shows).
            var caption = Truncate(agent.Activity, 26);
            var size = Math.Clamp(radius * 0.7f, 9, 13);
            _font.Size = size;
            var half = (_font.MeasureText(caption) / 2) + 3;
            var box = new SKRect(centre.X - half, centre.Y + radius + 2, centre.X + half, centre.Y + radius + 7 + size);
            if (isSelected || !_captions.Any(c => c.IntersectsWith(box)))
            {
                _captions.Add(box);
                DrawTextBox(canvas, caption, centre.X, centre.Y + radius + 2, size, Palette.Bubble, Palette.DarkText, false);
            }
        }
    }

    private void DrawMark(SKCanvas canvas, string text, float x, float y, float radius, SKColor color)
    {
        var r = Math.Max(4, radius * 0.45f);
        _fill.Color = color;
        canvas.DrawCircle(x, y, r, _fill);
        _boldFont.Size = r * 1.4f;
        _text.Color = Palette.TextOn(color);
        canvas.DrawText(text, x, y + (r * 0.45f), SKTextAlign.Center, _boldFont, _text);
    }

    private void DrawBubbles(SKCanvas canvas, SceneState scene, int width, int height)
    {
        if (scene.Bubbles.Count == 0)
        {
            return;
        }

        var radius = DiscRadius(scene.Camera.TileSize);
        foreach (var bubble in scene.Bubbles)
        {
            var speaker = scene.Agents.FirstOrDefault(a => string.Equals(a.Name, bubble.Speaker, StringComparison.Ordinal));
            if (speaker is null)
            {
                continue;
            }

            var centre = scene.Camera.TileToScreen(speaker.X + 0.5f, speaker.Y + 0.5f, width, height);
            _font.Size = 12;
            var text = Truncate(bubble.Text, 60);
            var w = _font.MeasureText(text);
            var rect = new SKRect(centre.X - (w / 2) - 6, centre.Y - radius - 30, centre.X + (w / 2) + 6, centre.Y - radius - 10);
            _fill.Color = Palette.Bubble;
            canvas.DrawRoundRect(rect, 6, 6, _fill);
            using (var builder = new SKPathBuilder())
            {
                builder.MoveTo(centre.X - 5, rect.Bottom - 1);
                builder.LineTo(centre.X + 5, rect.Bottom - 1);
                builder.LineTo(centre.X, centre.Y - radius - 2);
                builder.Close();
                using var tail = builder.Detach();
                canvas.DrawPath(tail, _fill);
            }

            _stroke.Color = Palette.AgentColor(speaker.Index);
            _stroke.StrokeWidth = 1.5f;
            canvas.DrawRoundRect(rect, 6, 6, _stroke);
            _text.Color = Palette.DarkText;
            canvas.DrawText(text, rect.MidX, rect.Bottom - 6, SKTextAlign.Center, _font, _text);
        }
    }
}
