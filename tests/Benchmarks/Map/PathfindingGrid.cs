using Agents.World.Map;

namespace Agents.Benchmarks.Map;

/// <summary>A seeded town-like grid: walls every few columns and rows with doorways, and scattered blocks.</summary>
internal static class PathfindingGrid
{
    public static TileMap Town(int width, int height, int seed)
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
}
