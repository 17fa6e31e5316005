using Agents.World.Map;
using SkiaSharp;

namespace Agents.Viewer.Rendering;

/// <summary>
/// The colour of every tile of one map, computed once: kind colour, tinted by its sector (walls untinted).
/// Immutable after construction.
/// </summary>
internal sealed class TileColors
{
    private readonly SKColor[] _colors;

    public TileColors(TileMap map)
    {
        Map = map;
        var kinds = map.Kinds.Select(Palette.TileColor).ToArray();
        var wall = map.Kinds.Select(k => string.Equals(k, "wall", StringComparison.OrdinalIgnoreCase)).ToArray();
        var sectorIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < map.Sectors.Count; i++)
        {
            sectorIndex[map.Sectors[i].Name] = i;
        }

        _colors = new SKColor[map.Width * map.Height];
        for (var y = 0; y < map.Height; y++)
        {
            for (var x = 0; x < map.Width; x++)
            {
                var p = new Point(x, y);
                var kind = map.KindIndexAt(p);
                var color = kinds[kind];
                if (!wall[kind] && map.SectorAt(p) is { } sector)
                {
                    color = Palette.Tinted(color, Palette.SectorTint(sectorIndex[sector.Name]));
                }

                _colors[(y * map.Width) + x] = color;
            }
        }
    }

    public TileMap Map { get; }

    public SKColor At(int x, int y) => _colors[(y * Map.Width) + x];
}
