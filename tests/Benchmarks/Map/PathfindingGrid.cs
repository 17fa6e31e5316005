using Agents.World.Map;

namespace Agents.Benchmarks.Map;

/// <summary>Seeded grids for the pathfinding benchmarks.</summary>
internal static class PathfindingGrid
{
    /// <summary>The layouts the benchmarks run on.</summary>
    public static TileMap Create(string layout, int width, int height, int seed) => layout switch
    {
        "maze" => Maze(width, height, seed),
        "town" => Town(width, height, seed),
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "expected 'maze' or 'town'"),
    };

    /// <summary>Walls every few columns and rows with a few doorways, and scattered blocks: long detours.</summary>
    public static TileMap Maze(int width, int height, int seed)
    {
        var random = new Random(seed);
        var b = new MapBuilder(width, height);
        for (int x = 8; x < width; x += 9)
        {
            for (int y = 0; y < height; y++)
            {
                if (y % 12 != 5)
                {
                    b.SetTile(new Point(x, y), TileLegend.Wall);
                }
            }
        }

        for (int y = 10; y < height; y += 11)
        {
            for (int x = 0; x < width; x++)
            {
                if (x % 9 != 3 && random.Next(4) != 0)
                {
                    b.SetTile(new Point(x, y), TileLegend.Wall);
                }
            }
        }

        for (int i = 0; i < width * height / 12; i++)
        {
            b.SetTile(new Point(random.Next(width), random.Next(height)), TileLegend.Wall);
        }

        return b.Build();
    }

    /// <summary>
    /// A town: walled buildings of 6-9 by 5-7 tiles, each with one door on a random side, in blocks separated by
    /// streets 2-3 tiles wide, and a few scattered obstacles (trees, benches) on the streets.
    /// </summary>
    public static TileMap Town(int width, int height, int seed)
    {
        var random = new Random(seed);
        var b = new MapBuilder(width, height);
        for (int top = 2; top + 5 < height; )
        {
            int h = random.Next(5, 8);
            for (int left = 2; left + 6 < width; )
            {
                int w = random.Next(6, 10);
                if (left + w <= width - 2 && top + h <= height - 2)
                {
                    Building(b, new Rect(left, top, w, h), random);
                }

                left += w + random.Next(2, 4);
            }

            top += h + random.Next(2, 4);
        }

        for (int i = 0; i < width * height / 60; i++)
        {
            var p = new Point(random.Next(width), random.Next(height));
            if (b.GetTile(p).Walkable)
            {
                b.SetTile(p, TileLegend.Wall);
            }
        }

        return b.Build();
    }

    private static void Building(MapBuilder b, Rect area, Random random)
    {
        foreach (Point p in area.Points())
        {
            bool edge = p.X == area.X || p.Y == area.Y || p.X == area.Right - 1 || p.Y == area.Bottom - 1;
            if (edge)
            {
                b.SetTile(p, TileLegend.Wall);
            }
        }

        Point door = random.Next(4) switch
        {
            0 => new Point(area.X + random.Next(1, area.Width - 1), area.Y),
            1 => new Point(area.X + random.Next(1, area.Width - 1), area.Bottom - 1),
            2 => new Point(area.X, area.Y + random.Next(1, area.Height - 1)),
            _ => new Point(area.Right - 1, area.Y + random.Next(1, area.Height - 1)),
        };
        b.SetTile(door, TileLegend.Floor);
    }
}
