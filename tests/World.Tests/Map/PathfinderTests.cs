using Agents.World.Map;
using CsCheck;

namespace Agents.World.Tests.Map;

public sealed class PathfinderTests
{
    /// <summary>Random grids up to 16x16 with 0-45% walls, and two random tiles on them.</summary>
    private static readonly Gen<(bool[,] Grid, Point From, Point To)> GridAndPair =
        Gen.Select(Gen.Int[1, 16], Gen.Int[1, 16], Gen.Int[0, 45])
            .SelectMany(t => Gen.Select(
                Gen.Int[0, 99].Array[t.Item1 * t.Item2],
                Gen.Int[0, t.Item1 - 1], Gen.Int[0, t.Item2 - 1], Gen.Int[0, t.Item1 - 1], Gen.Int[0, t.Item2 - 1],
                (cells, fx, fy, tx, ty) =>
                {
                    var grid = new bool[t.Item1, t.Item2];
                    for (int i = 0; i < cells.Length; i++)
                    {
                        grid[i % t.Item1, i / t.Item1] = cells[i] >= t.Item3;
                    }

                    grid[fx, fy] = true;
                    return (grid, new Point(fx, fy), new Point(tx, ty));
                }));

    [Fact]
    public void Paths_are_as_short_as_breadth_first_search_finds_on_random_grids()
    {
        GridAndPair.Sample(c =>
        {
            TileMap map = TestMaps.FromGrid(c.Grid);
            var finder = new Pathfinder(map);
            int[,] oracle = TestMaps.BfsDistances(map, c.From);
            int expected = oracle[c.To.X, c.To.Y];
            PathResult path = finder.FindPath(c.From, c.To);
            Assert.Equal(expected >= 0, path.Found);
            Assert.Equal(expected >= 0, finder.IsReachable(c.From, c.To));
            if (expected >= 0)
            {
                Assert.Equal(expected, path.Steps.Count);
                TestMaps.AssertValidWalk(map, c.From, path.Steps);
                Assert.Equal(c.To, path.Steps.Count == 0 ? c.From : path.Steps[^1]);
                Assert.Null(path.Reason);
            }
            else
            {
                Assert.Empty(path.Steps);
                Assert.NotNull(path.Reason);
            }
        }, iter: 400);
    }

    [Fact]
    public void A_path_to_several_goals_reaches_the_nearest_reachable_one()
    {
        GridAndPair.Select(Gen.Int[0, 99].Array[4], (c, extra) => (c, extra)).Sample(t =>
        {
            ((bool[,] grid, Point from, Point to), int[] extra) = t;
            TileMap map = TestMaps.FromGrid(grid);
            var goals = new List<Point> { to };
            goals.AddRange(extra.Select(e => new Point(e % map.Width, e / map.Width % map.Height)));
            int[,] oracle = TestMaps.BfsDistances(map, from);
            int[] distances = [.. goals.Select(g => oracle[g.X, g.Y]).Where(d => d >= 0)];
            PathResult path = new Pathfinder(map).FindPath(from, goals);
            Assert.Equal(distances.Length > 0, path.Found);
            if (path.Found)
            {
                Assert.Equal(distances.Min(), path.Steps.Count);
                TestMaps.AssertValidWalk(map, from, path.Steps);
                Assert.Contains(path.Steps.Count == 0 ? from : path.Steps[^1], goals);
            }
        }, iter: 300);
    }

    [Fact]
    public void A_target_walled_in_is_reported_unreachable_at_once()
    {
        var grid = new bool[9, 9];
        for (int x = 0; x < 9; x++)
        {
            for (int y = 0; y < 9; y++)
            {
                grid[x, y] = true;
            }
        }

        // A ring of walls around (6,6).
        foreach (Point p in new Rect(5, 5, 3, 3).Points())
        {
            grid[p.X, p.Y] = p == new Point(6, 6);
        }

        var finder = new Pathfinder(TestMaps.FromGrid(grid));
        PathResult path = finder.FindPath(new Point(0, 0), new Point(6, 6));
        Assert.False(path.Found);
        Assert.Empty(path.Steps);
        Assert.Contains("(0,0)", path.Reason, StringComparison.Ordinal);
        Assert.Contains("(6,6)", path.Reason, StringComparison.Ordinal);
        Assert.False(finder.IsReachable(new Point(0, 0), new Point(6, 6)));
        Assert.Equal(2, finder.ComponentCount);
        Assert.Equal(0, finder.CacheMisses); // answered from the region labels, no search
    }

    [Fact]
    public void A_blocked_or_off_map_end_is_reported_with_its_tile()
    {
        var finder = new Pathfinder(TestMaps.Town());
        PathResult intoWall = finder.FindPath(new Point(3, 2), new Point(0, 0));
        Assert.False(intoWall.Found);
        Assert.Contains("target (0,0) is on a blocked tile ('wall')", intoWall.Reason, StringComparison.Ordinal);
        PathResult offMap = finder.FindPath(new Point(40, 2), new Point(3, 2));
        Assert.Contains("start (40,2) lies off the 17x6 map", offMap.Reason, StringComparison.Ordinal);
        Assert.False(finder.IsReachable(new Point(3, 2), new Point(-1, 0)));
    }

    [Fact]
    public void A_path_to_the_start_is_found_and_empty()
    {
        PathResult path = new Pathfinder(TestMaps.Town()).FindPath(new Point(3, 2), new Point(3, 2));
        Assert.True(path.Found);
        Assert.Empty(path.Steps);
    }

    [Fact]
    public void A_cached_path_equals_the_path_first_computed()
    {
        var finder = new Pathfinder(TestMaps.Town());
        PathResult first = finder.FindPath(new Point(1, 1), new Point(16, 5));
        PathResult second = finder.FindPath(new Point(1, 1), new Point(16, 5));
        Assert.True(first.Found);
        Assert.Equal(first.Steps, second.Steps);
        Assert.Equal((1, 1), (finder.CacheHits, finder.CacheMisses));

        var uncached = new Pathfinder(TestMaps.Town(), cacheCapacity: 0);
        Assert.Equal(first.Steps, uncached.FindPath(new Point(1, 1), new Point(16, 5)).Steps);
        Assert.Equal(first.Steps, uncached.FindPath(new Point(1, 1), new Point(16, 5)).Steps);
        Assert.Equal(0, uncached.CacheHits);
    }

    [Fact]
    public void The_cache_forgets_the_least_recently_used_path_when_full()
    {
        var finder = new Pathfinder(TestMaps.Town(), cacheCapacity: 2);
        Point a = new(1, 1), b = new(10, 3), c = new(16, 0), d = new(0, 5);
        finder.FindPath(a, b);
        finder.FindPath(a, c);
        finder.FindPath(a, b); // b is now the most recent
        finder.FindPath(a, d); // evicts c
        Assert.Equal(2, finder.CachedPaths);
        long misses = finder.CacheMisses;
        finder.FindPath(a, b);
        Assert.Equal(misses, finder.CacheMisses);
        finder.FindPath(a, c);
        Assert.Equal(misses + 1, finder.CacheMisses);
    }

    [Fact]
    public void Cached_steps_cannot_be_changed_by_a_caller()
    {
        var finder = new Pathfinder(TestMaps.Town());
        PathResult path = finder.FindPath(new Point(1, 1), new Point(9, 1));
        Assert.False(path.Steps is Point[]);
        Assert.Throws<NotSupportedException>(() => ((IList<Point>)path.Steps)[0] = new Point(0, 0));
    }

    [Fact]
    public void A_path_to_a_place_ends_on_one_of_its_walkable_tiles_through_the_door()
    {
        TileMap town = TestMaps.Town();
        var finder = new Pathfinder(town);
        var stove = Address.Parse("cafe:kitchen:stove");
        PathResult path = finder.FindPath(new Point(10, 5), stove);
        Assert.True(path.Found);
        Assert.Contains(path.Steps[^1], town.WalkableTilesOf(stove));
        Assert.Contains(new Point(3, 4), path.Steps); // the only door into the cafe
        Assert.Equal(10, path.Steps.Count); // 7 along the road, the door, then next to the stove
        Assert.Equal(path.Steps, finder.FindPath(new Point(10, 5), stove).Steps);
        Assert.Equal(1, finder.CacheHits);
    }

    [Fact]
    public void A_path_to_an_unknown_place_is_reported()
    {
        PathResult path = new Pathfinder(TestMaps.Town()).FindPath(new Point(6, 5), Address.Parse("bakery:oven"));
        Assert.False(path.Found);
        Assert.Contains("'bakery:oven'", path.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_query_always_gives_the_same_path()
    {
        TileMap open = new MapBuilder(12, 12).Build();
        IReadOnlyList<Point> first = new Pathfinder(open, 0).FindPath(new Point(0, 0), new Point(11, 11)).Steps;
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(first, new Pathfinder(open, 0).FindPath(new Point(0, 0), new Point(11, 11)).Steps);
        }
    }

    [Fact]
    public void Concurrent_searches_give_the_same_paths_as_sequential_ones()
    {
        TileMap town = TestMaps.Town();
        Point[] walkable = [.. new Rect(0, 0, town.Width, town.Height).Points().Where(town.IsWalkable)];
        var pairs = walkable.SelectMany(a => walkable.Select(b => (a, b))).Where((_, i) => i % 7 == 0).ToArray();
        var sequential = new Pathfinder(town, 0);
        int[] expected = [.. pairs.Select(p => sequential.FindPath(p.a, p.b).Steps.Count)];
        var shared = new Pathfinder(town, 64);
        int[] actual = new int[pairs.Length];
        Parallel.For(0, pairs.Length, i => actual[i] = shared.FindPath(pairs[i].a, pairs[i].b).Steps.Count);
        Assert.Equal(expected, actual);
    }
}
