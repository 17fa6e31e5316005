using Agents.World.Map;
using SkiaSharp;

namespace Agents.Viewer.Scene;

/// <summary>
/// What part of the map a frame shows: the tile coordinate at the centre of the view and the size of one tile in
/// pixels. Immutable; the controller replaces it when the user pans or zooms.
/// </summary>
/// <param name="CenterX">Tile column (fractional) at the centre of the view.</param>
/// <param name="CenterY">Tile row (fractional) at the centre of the view.</param>
/// <param name="TileSize">Pixels per tile; clamped to [<see cref="MinTileSize"/>, <see cref="MaxTileSize"/>].</param>
public readonly record struct Camera(float CenterX, float CenterY, float TileSize)
{
    /// <summary>The smallest tile size zooming out reaches.</summary>
    public const float MinTileSize = 2f;

    /// <summary>The largest tile size zooming in reaches.</summary>
    public const float MaxTileSize = 96f;

    /// <summary>A camera that shows the whole map in a view of the given size.</summary>
    public static Camera Fit(TileMap map, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(map);
        var size = Math.Min(width / (float)map.Width, height / (float)map.Height);
        return new Camera(map.Width / 2f, map.Height / 2f, Math.Clamp(size, MinTileSize, MaxTileSize));
    }

    /// <summary>
    /// A camera that shows the whole map in the part of the view left of <paramref name="rightInset"/> pixels and above
    /// <paramref name="bottomInset"/> pixels (where the side panel and the timeline go).
    /// </summary>
    public static Camera Fit(TileMap map, int width, int height, float rightInset, float bottomInset)
    {
        var inner = Fit(map, Math.Max(1, (int)(width - rightInset)), Math.Max(1, (int)(height - bottomInset)));
        return inner with { CenterX = inner.CenterX + (rightInset / 2 / inner.TileSize), CenterY = inner.CenterY + (bottomInset / 2 / inner.TileSize) };
    }

    /// <summary>The screen position of a tile coordinate (a tile's top-left corner for whole numbers).</summary>
    public SKPoint TileToScreen(float tileX, float tileY, int width, int height) =>
        new(((tileX - CenterX) * TileSize) + (width / 2f), ((tileY - CenterY) * TileSize) + (height / 2f));

    /// <summary>The tile coordinate under a screen position.</summary>
    public SKPoint ScreenToTile(float x, float y, int width, int height) =>
        new(((x - (width / 2f)) / TileSize) + CenterX, ((y - (height / 2f)) / TileSize) + CenterY);

    /// <summary>The tile under a screen position (it may lie off the map).</summary>
    public Point TileAt(float x, float y, int width, int height)
    {
        var t = ScreenToTile(x, y, width, height);
        return new Point((int)MathF.Floor(t.X), (int)MathF.Floor(t.Y));
    }

    /// <summary>The tiles a view of the given size shows, clipped to the map: only these are drawn.</summary>
    public Rect VisibleTiles(TileMap map, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(map);
        var topLeft = ScreenToTile(0, 0, width, height);
        var bottomRight = ScreenToTile(width, height, width, height);
        var x0 = Math.Max(0, (int)MathF.Floor(topLeft.X));
        var y0 = Math.Max(0, (int)MathF.Floor(topLeft.Y));
        var x1 = Math.Min(map.Width, (int)MathF.Ceiling(bottomRight.X));
        var y1 = Math.Min(map.Height, (int)MathF.Ceiling(bottomRight.Y));
        return new Rect(x0, y0, Math.Max(0, x1 - x0), Math.Max(0, y1 - y0));
    }

    /// <summary>The camera moved by a drag of (<paramref name="dx"/>, <paramref name="dy"/>) pixels: the map follows the pointer.</summary>
    public Camera PannedBy(float dx, float dy) => this with { CenterX = CenterX - (dx / TileSize), CenterY = CenterY - (dy / TileSize) };

    /// <summary>The camera zoomed by <paramref name="factor"/>, keeping the tile under the screen point (x, y) in place.</summary>
    public Camera ZoomedAt(float factor, float x, float y, int width, int height)
    {
        var anchor = ScreenToTile(x, y, width, height);
        var size = Math.Clamp(TileSize * factor, MinTileSize, MaxTileSize);
        return new Camera(anchor.X - ((x - (width / 2f)) / size), anchor.Y - ((y - (height / 2f)) / size), size);
    }

    /// <summary>The camera centred on a tile coordinate, at the same zoom.</summary>
    public Camera CenteredOn(float tileX, float tileY) => this with { CenterX = tileX, CenterY = tileY };
}
