using SkiaSharp;

namespace Agents.Viewer.Rendering;

/// <summary>The viewer's colours: one per tile kind, a tint per sector, one per agent. Read-only.</summary>
public static class Palette
{
    /// <summary>Behind the map, where there are no tiles.</summary>
    public static readonly SKColor Background = new(0x1E, 0x22, 0x28);

    /// <summary>Wall tiles; never tinted, so walls read the same in every building.</summary>
    public static readonly SKColor Wall = new(0x3B, 0x34, 0x30);

    /// <summary>Background of place labels.</summary>
    public static readonly SKColor LabelBox = new(0x10, 0x14, 0x1C, 0xD8);

    /// <summary>Text on dark boxes.</summary>
    public static readonly SKColor LightText = new(0xF4, 0xF1, 0xEA);

    /// <summary>Background of the side panel, clock and help overlay.</summary>
    public static readonly SKColor PanelBox = new(0x16, 0x1A, 0x22, 0xF4);

    /// <summary>The highlighted line of the side panel (the current plan item).</summary>
    public static readonly SKColor Highlight = new(0xF2, 0xB1, 0x34);

    /// <summary>Background of speech bubbles and agent captions.</summary>
    public static readonly SKColor Bubble = new(0xFF, 0xFF, 0xF4);

    /// <summary>Text on light boxes.</summary>
    public static readonly SKColor DarkText = new(0x20, 0x20, 0x20);

    /// <summary>An idle object's marker.</summary>
    public static readonly SKColor IdleObject = new(0x8A, 0x7F, 0x72);

    /// <summary>A busy object's marker.</summary>
    public static readonly SKColor BusyObject = new(0xE8, 0x6A, 0x1C);

    /// <summary>The ring around the selected agent.</summary>
    public static readonly SKColor Selection = new(0xFF, 0xE0, 0x3C);

    private static readonly (string Kind, SKColor Color)[] Kinds =
    [
        ("wall", Wall),
        ("floor", new SKColor(0xD8, 0xC8, 0xA8)),
        ("grass", new SKColor(0x7F, 0xB0, 0x5A)),
        ("road", new SKColor(0x9A, 0x9A, 0x96)),
        ("door", new SKColor(0xA0, 0x6A, 0x3A)),
        ("water", new SKColor(0x4A, 0x8C, 0xD0)),
        ("tree", new SKColor(0x2F, 0x6B, 0x34)),
        ("flowers", new SKColor(0xD8, 0x7F, 0xB5)),
    ];

    private static readonly SKColor[] Agents =
    [
        new(0xE6, 0x19, 0x4B), new(0x3C, 0xB4, 0x4B), new(0x43, 0x63, 0xD8), new(0xF5, 0x82, 0x31), new(0x91, 0x1E, 0xB4),
        new(0x42, 0xD4, 0xF4), new(0xF0, 0x32, 0xE6), new(0x46, 0x99, 0x90), new(0x9A, 0x63, 0x24), new(0x80, 0x00, 0x00),
        new(0x00, 0x00, 0x75), new(0x80, 0x80, 0x00), new(0xE6, 0xBE, 0xFF), new(0xAA, 0xFF, 0xC3), new(0xBF, 0xEF, 0x45),
    ];

    private static readonly SKColor[] SectorTints =
    [
        new(0xFF, 0xB3, 0xA7), new(0xA7, 0xC7, 0xFF), new(0xC8, 0xFF, 0xA7), new(0xFF, 0xE6, 0xA7),
        new(0xE0, 0xA7, 0xFF), new(0xA7, 0xFF, 0xF0), new(0xFF, 0xA7, 0xD8), new(0xD8, 0xD8, 0xD8),
    ];

    /// <summary>The colour of a tile kind; unknown kinds get a stable colour derived from their name.</summary>
    public static SKColor TileColor(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        foreach (var (k, color) in Kinds)
        {
            if (string.Equals(k, kind, StringComparison.OrdinalIgnoreCase))
            {
                return color;
            }
        }

        var hash = StableHash(kind);
        return new SKColor((byte)(96 + (hash & 0x7F)), (byte)(96 + ((hash >> 8) & 0x7F)), (byte)(96 + ((hash >> 16) & 0x7F)));
    }

    /// <summary>The colour of the agent with that scenario index.</summary>
    public static SKColor AgentColor(int index) => Agents[(int)((uint)index % (uint)Agents.Length)];

    /// <summary>The tint of the sector with that index.</summary>
    public static SKColor SectorTint(int index) => SectorTints[(int)((uint)index % (uint)SectorTints.Length)];

    /// <summary>A tile colour mixed with a sector tint (a quarter of the tint).</summary>
    public static SKColor Tinted(SKColor tile, SKColor tint) => new(
        (byte)(((tile.Red * 3) + tint.Red) / 4),
        (byte)(((tile.Green * 3) + tint.Green) / 4),
        (byte)(((tile.Blue * 3) + tint.Blue) / 4));

    /// <summary>Black or white, whichever reads better on <paramref name="color"/>.</summary>
    public static SKColor TextOn(SKColor color) =>
        (color.Red * 299) + (color.Green * 587) + (color.Blue * 114) > 150_000 ? DarkText : LightText;

    private static uint StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }
}
