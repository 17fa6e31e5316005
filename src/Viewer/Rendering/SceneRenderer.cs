using Agents.Viewer.Scene;
using Agents.World.Map;
using SkiaSharp;

namespace Agents.Viewer.Rendering;

/// <summary>
/// Draws a <see cref="SceneState"/> on any <see cref="SKCanvas"/> (a window's GL surface or a raster for PNG files):
/// tiles, place labels, objects, agents, speech bubbles, clock, side panel, timeline and help. Only the visible tiles
/// are drawn. Owns its paints and fonts: not thread-safe, use one renderer per drawing thread and dispose it.
/// </summary>
public sealed partial class SceneRenderer : IDisposable
{
    private readonly SKPaint _fill = new() { Style = SKPaintStyle.Fill, IsAntialias = true };
    private readonly SKPaint _tileFill = new() { Style = SKPaintStyle.Fill, IsAntialias = false };
    private readonly SKPaint _stroke = new() { Style = SKPaintStyle.Stroke, IsAntialias = true, StrokeWidth = 2 };
    private readonly SKPaint _text = new() { IsAntialias = true };
    private readonly SKTypeface _typeface;
    private readonly SKTypeface _bold;
    private readonly SKFont _font;
    private readonly SKFont _boldFont;
    private readonly List<SKRect> _labels = [];
    private readonly List<SKRect> _captions = [];
    private readonly HashSet<Point> _occupied = [];
    private TileColors? _tileColors;

    /// <summary>Creates a renderer with the system's default sans-serif face.</summary>
    public SceneRenderer()
    {
        _typeface = SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;
        _bold = SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Bold) ?? _typeface;
        _font = new SKFont(_typeface, 12) { Edging = SKFontEdging.Antialias };
        _boldFont = new SKFont(_bold, 12) { Edging = SKFontEdging.Antialias };
    }

    /// <summary>Draws the whole frame on <paramref name="canvas"/>, which is <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public void Render(SKCanvas canvas, SceneState scene, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(scene);
        canvas.Clear(Palette.Background);
        if (_tileColors?.Map != scene.Map)
        {
            _tileColors = new TileColors(scene.Map);
        }

        var visible = scene.Camera.VisibleTiles(scene.Map, width, height);
        DrawTiles(canvas, scene, visible, width, height);
        DrawObjects(canvas, scene, visible, width, height);
        DrawPlaceLabels(canvas, scene, visible, width, height);
        DrawObjectLabels(canvas, scene, visible, width, height);
        DrawAgents(canvas, scene, width, height);
        DrawBubbles(canvas, scene, width, height);
        var layout = new SceneLayout(width, height);
        DrawClock(canvas, scene, layout);
        if (scene.Panel is not null)
        {
            DrawPanel(canvas, scene.Panel, layout);
        }

        if (scene.Timeline is not null)
        {
            DrawTimeline(canvas, scene.Timeline, layout);
        }

        if (scene.Status is not null)
        {
            DrawStatus(canvas, scene.Status, layout, scene.Timeline is not null);
        }

        if (scene.ShowHelp)
        {
            DrawHelp(canvas, layout);
        }
    }

    /// <summary>The box of a sector's label for a frame of that size: centred on the sector, at its top edge.</summary>
    public SKRect SectorLabelBox(SceneState scene, Sector sector, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(sector);
        return LabelBox(scene.Camera, sector.Area, sector.Name, LabelSize(scene.Camera), width, height);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _fill.Dispose();
        _tileFill.Dispose();
        _stroke.Dispose();
        _text.Dispose();
        _font.Dispose();
        _boldFont.Dispose();
        if (!ReferenceEquals(_bold, _typeface))
        {
            _bold.Dispose();
        }

        _typeface.Dispose();
    }

    private static float LabelSize(Camera camera) => Math.Clamp(camera.TileSize * 0.9f, 9f, 16f);

    private void DrawTiles(SKCanvas canvas, SceneState scene, Rect visible, int width, int height)
    {
        // Runs of equal colour along a row are drawn as one rectangle: far fewer draw calls when zoomed out.
        var camera = scene.Camera;
        var colors = _tileColors!;
        for (var y = visible.Y; y < visible.Bottom; y++)
        {
            var origin = camera.TileToScreen(visible.X, y, width, height);
            var top = MathF.Floor(origin.Y);
            var bottom = MathF.Ceiling(origin.Y + camera.TileSize);
            var x = visible.X;
            while (x < visible.Right)
            {
                var color = colors.At(x, y);
                var end = x + 1;
                while (end < visible.Right && colors.At(end, y) == color)
                {
                    end++;
                }

                var left = MathF.Floor(origin.X + ((x - visible.X) * camera.TileSize));
                var right = MathF.Ceiling(origin.X + ((end - visible.X) * camera.TileSize));
                _tileFill.Color = color;
                canvas.DrawRect(new SKRect(left, top, right, bottom), _tileFill);
                x = end;
            }
        }
    }

    private void DrawObjects(SKCanvas canvas, SceneState scene, Rect visible, int width, int height)
    {
        var camera = scene.Camera;
        var size = camera.TileSize;
        foreach (var o in scene.Objects)
        {
            if (!visible.Contains(o.Position))
            {
                continue;
            }

            var at = camera.TileToScreen(o.Position.X, o.Position.Y, width, height);
            var inset = size * 0.2f;
            _fill.Color = o.IsBusy ? Palette.BusyObject : Palette.IdleObject;
            canvas.DrawRoundRect(new SKRect(at.X + inset, at.Y + inset, at.X + size - inset, at.Y + size - inset), size * 0.1f, size * 0.1f, _fill);
        }
    }

    private void DrawObjectLabels(SKCanvas canvas, SceneState scene, Rect visible, int width, int height)
    {
        // Busy objects show their state once tiles are large enough; idle ones their name only when zoomed far in.
        var camera = scene.Camera;
        var size = camera.TileSize;
        if (size < 28)
        {
            return;
        }

        // An agent on or beside the object already says what it does there.
        _occupied.Clear();
        foreach (var a in scene.Agents)
        {
            var p = new Point((int)MathF.Round(a.X), (int)MathF.Round(a.Y));
            _occupied.Add(p);
            _occupied.Add(p with { X = p.X - 1 });
            _occupied.Add(p with { X = p.X + 1 });
            _occupied.Add(p with { Y = p.Y - 1 });
            _occupied.Add(p with { Y = p.Y + 1 });
        }

        foreach (var o in scene.Objects)
        {
            if (!visible.Contains(o.Position) || (!o.IsBusy && size < 44) || _occupied.Contains(o.Position))
            {
                continue;
            }

            var at = camera.TileToScreen(o.Position.X, o.Position.Y, width, height);
            var text = Truncate(o.IsBusy ? $"{o.Name}: {o.State}" : o.Name, 28);
            _font.Size = 9;
            var half = (_font.MeasureText(text) / 2) + 3;
            var box = new SKRect(at.X + (size / 2) - half, at.Y + size + 1, at.X + (size / 2) + half, at.Y + size + 15);
            if (!_labels.Any(l => l.IntersectsWith(box)))
            {
                _labels.Add(box);
                DrawTextBox(canvas, text, at.X + (size / 2), at.Y + size + 1, 9, Palette.LabelBox, Palette.LightText, false);
            }
        }
    }

    private void DrawPlaceLabels(SKCanvas canvas, SceneState scene, Rect visible, int width, int height)
    {
        _labels.Clear();
        var camera = scene.Camera;
        var size = LabelSize(camera);
        foreach (var sector in scene.Map.Sectors)
        {
            if (sector.Area.Intersects(visible))
            {
                DrawLabel(canvas, LabelBox(camera, sector.Area, sector.Name, size, width, height), sector.Name, size, bold: true);
            }
        }

        if (camera.TileSize < 18)
        {
            return;
        }

        foreach (var arena in scene.Map.Arenas)
        {
            if (arena.Area.Intersects(visible) && arena.Area != scene.Map.FindSector(arena.Sector)?.Area)
            {
                var box = LabelBox(camera, arena.Area, arena.Name, size * 0.8f, width, height);
                box.Offset(0, -box.Top + camera.TileToScreen(0, arena.Area.Bottom, width, height).Y - box.Height - 2);
                DrawLabel(canvas, box, arena.Name, size * 0.8f, bold: false);
            }
        }
    }

    private SKRect LabelBox(Camera camera, Rect area, string text, float size, int width, int height)
    {
        _boldFont.Size = size;
        var textWidth = _boldFont.MeasureText(text);
        var topLeft = camera.TileToScreen(area.X, area.Y, width, height);
        var centre = topLeft.X + (area.Width * camera.TileSize / 2);
        var top = topLeft.Y + 2;
        return new SKRect(centre - (textWidth / 2) - 4, top, centre + (textWidth / 2) + 4, top + size + 6);
    }

    private void DrawLabel(SKCanvas canvas, SKRect box, string text, float size, bool bold)
    {
        foreach (var drawn in _labels)
        {
            if (drawn.IntersectsWith(box))
            {
                return;
            }
        }

        _labels.Add(box);
        _fill.Color = Palette.LabelBox;
        canvas.DrawRoundRect(box, 3, 3, _fill);
        var font = bold ? _boldFont : _font;
        font.Size = size;
        _text.Color = Palette.LightText;
        canvas.DrawText(text, box.MidX, box.Bottom - 4 - (size * 0.1f), SKTextAlign.Center, font, _text);
    }

    private SKRect DrawTextBox(SKCanvas canvas, string text, float centreX, float top, float size, SKColor box, SKColor ink, bool bold)
    {
        var font = bold ? _boldFont : _font;
        font.Size = size;
        var w = font.MeasureText(text);
        var rect = new SKRect(centreX - (w / 2) - 3, top, centreX + (w / 2) + 3, top + size + 5);
        _fill.Color = box;
        canvas.DrawRoundRect(rect, 3, 3, _fill);
        _text.Color = ink;
        canvas.DrawText(text, centreX, rect.Bottom - 3 - (size * 0.1f), SKTextAlign.Center, font, _text);
        return rect;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
