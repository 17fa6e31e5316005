using Agents.World.Map;

namespace Agents.World.Tests.Map;

/// <summary>Small maps the tests share.</summary>
internal static class TestMaps
{
    public static readonly IReadOnlyDictionary<char, TileLegend> Legend = new Dictionary<char, TileLegend>
    {
        ['#'] = TileLegend.Wall,
        ['.'] = TileLegend.Floor,
        [','] = new("grass", true),
        ['='] = new("road", true),
        ['~'] = new("water", false),
        ['c'] = new("counter", false),
    };

    /// <summary>
    /// A cafe (sector, columns 0-11) with a kitchen (1-5) and a dining room (7-10) joined at (6,2), a door at
    /// (3,4) to the road below it, and a park (sector without arenas) to the right.
    /// </summary>
    public static readonly string[] TownRows =
    [
        "############,,,,,",
        "#.....#....#,,,,,",
        "#.c........#,,,,,",
        "#.....#....#,,~,,",
        "###.########,,,,,",
        "=================",
    ];

    public static MapBuilder TownBuilder()
    {
        var errors = new List<AsciiMapError>();
        MapBuilder b = AsciiMap.Parse(TownRows, Legend, errors);
        Assert.Empty(errors);
        b.AddSector("cafe", new Rect(0, 0, 12, 5));
        b.AddArena("cafe", "kitchen", new Rect(1, 1, 5, 3));
        b.AddArena("cafe", "dining room", new Rect(7, 1, 4, 3));
        b.AddObject("cafe", "kitchen", "stove", new Point(2, 2), "idle");
        b.AddObject("cafe", "kitchen", "fridge", new Point(1, 1));
        b.AddObject("cafe", "dining room", "table", new Point(9, 2), "set");
        b.AddSector("park", new Rect(12, 0, 5, 5));
        b.AddSpawn("door", new Point(3, 4));
        return b;
    }

    public static TileMap Town() => TownBuilder().Build();

    /// <summary>A map whose walkability is given row by row (true = walkable), all floor or wall.</summary>
    public static TileMap FromGrid(bool[,] walkable)
    {
        int w = walkable.GetLength(0), h = walkable.GetLength(1);
        var b = new MapBuilder(w, h);
        for (int x = 0; x < w; x++)
        {
            for (int y = 0; y < h; y++)
            {
                if (!walkable[x, y])
                {
                    b.SetTile(new Point(x, y), TileLegend.Wall);
                }
            }
        }

        return b.Build();
    }

    /// <summary>Breadth-first distances from <paramref name="from"/> (-1 where unreachable): the oracle for A*.</summary>
    public static int[,] BfsDistances(TileMap map, Point from)
    {
        var dist = new int[map.Width, map.Height];
        for (int x = 0; x < map.Width; x++)
        {
            for (int y = 0; y < map.Height; y++)
            {
                dist[x, y] = -1;
            }
        }

        if (!map.IsWalkable(from))
        {
            return dist;
        }

        var queue = new Queue<Point>();
        dist[from.X, from.Y] = 0;
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            Point p = queue.Dequeue();
            foreach (Point n in new[] { new Point(p.X + 1, p.Y), new Point(p.X - 1, p.Y), new Point(p.X, p.Y + 1), new Point(p.X, p.Y - 1) })
            {
                if (map.IsWalkable(n) && dist[n.X, n.Y] < 0)
                {
                    dist[n.X, n.Y] = dist[p.X, p.Y] + 1;
                    queue.Enqueue(n);
                }
            }
        }

        return dist;
    }

    /// <summary>Asserts that the steps form a walk of single 4-neighbour moves over walkable tiles starting next to <paramref name="from"/>.</summary>
    public static void AssertValidWalk(TileMap map, Point from, IReadOnlyList<Point> steps)
    {
        Point at = from;
        foreach (Point step in steps)
        {
            Assert.Equal(1, at.ManhattanTo(step));
            Assert.True(map.IsWalkable(step), $"step {step} is not walkable");
            at = step;
        }
    }
}
