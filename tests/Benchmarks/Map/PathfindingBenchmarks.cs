using Agents.World.Map;
using BenchmarkDotNet.Attributes;

namespace Agents.Benchmarks.Map;

/// <summary>
/// A* on 100x70 grids with walls over 1000 random connected pairs, against a plain breadth-first search that also
/// returns the path (the reference), and the same queries answered from the cache. Two layouts: "town" (walled
/// buildings with one door each between streets) and "maze" (long walls with few doorways: the worst case for the
/// Manhattan heuristic).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public class PathfindingBenchmarks
{
    private const int Pairs = 1000;
    private TileMap _map = null!;
    private (Point From, Point To)[] _pairs = null!;
    private Pathfinder _uncached = null!;
    private Pathfinder _cached = null!;
    private bool[] _walkable = null!;
    private int[] _parent = null!;
    private int[] _stamp = null!;
    private int[] _queue = null!;
    private int _generation;

    /// <summary>The grid layout.</summary>
    [Params("town", "maze")]
    public string Layout { get; set; } = "town";

    [GlobalSetup]
    public void Setup()
    {
        _map = PathfindingGrid.Create(Layout, 100, 70, seed: 7);
        _uncached = new Pathfinder(_map, cacheCapacity: 0);
        _cached = new Pathfinder(_map, cacheCapacity: 4096);
        var random = new Random(11);
        _pairs = new (Point, Point)[Pairs];
        for (int i = 0; i < Pairs;)
        {
            var a = new Point(random.Next(_map.Width), random.Next(_map.Height));
            var b = new Point(random.Next(_map.Width), random.Next(_map.Height));
            if (a != b && _uncached.IsReachable(a, b))
            {
                _pairs[i++] = (a, b);
            }
        }

        _walkable = new bool[_map.Width * _map.Height];
        for (int i = 0; i < _walkable.Length; i++)
        {
            _walkable[i] = _map.IsWalkable(new Point(i % _map.Width, i / _map.Width));
        }

        _parent = new int[_walkable.Length];
        _stamp = new int[_walkable.Length];
        _queue = new int[_walkable.Length];
        foreach ((Point from, Point to) in _pairs)
        {
            _cached.FindPath(from, to);
        }

        // Both searches must agree on every length, or the comparison means nothing.
        foreach ((Point from, Point to) in _pairs)
        {
            if (Bfs(from, to).Length != _uncached.FindPath(from, to).Steps.Count)
            {
                throw new InvalidOperationException($"A* and BFS disagree on {from} -> {to}");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs, Description = "BFS (reference)")]
    public int BreadthFirst()
    {
        int total = 0;
        foreach ((Point from, Point to) in _pairs)
        {
            total += Bfs(from, to).Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Pairs, Description = "A*")]
    public int AStar()
    {
        int total = 0;
        foreach ((Point from, Point to) in _pairs)
        {
            total += _uncached.FindPath(from, to).Steps.Count;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Pairs, Description = "A* cached")]
    public int AStarCached()
    {
        int total = 0;
        foreach ((Point from, Point to) in _pairs)
        {
            total += _cached.FindPath(from, to).Steps.Count;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Pairs, Description = "IsReachable")]
    public int Reachable()
    {
        int total = 0;
        foreach ((Point from, Point to) in _pairs)
        {
            total += _uncached.IsReachable(from, to) ? 1 : 0;
        }

        return total;
    }

    /// <summary>A plain BFS with reused buffers that stops at the target and returns the path, like A* does.</summary>
    private Point[] Bfs(Point from, Point to)
    {
        int width = _map.Width, height = _map.Height;
        int gen = ++_generation;
        int start = (from.Y * width) + from.X, goal = (to.Y * width) + to.X;
        int head = 0, tail = 0;
        _queue[tail++] = start;
        _stamp[start] = gen;
        while (head < tail)
        {
            int i = _queue[head++];
            if (i == goal)
            {
                int length = 0;
                for (int k = i; k != start; k = _parent[k])
                {
                    length++;
                }

                var path = new Point[length];
                for (int k = i, n = length - 1; k != start; k = _parent[k], n--)
                {
                    path[n] = new Point(k % width, k / width);
                }

                return path;
            }

            int x = i % width, y = i / width;
            if (y > 0)
            {
                Visit(i, i - width);
            }

            if (x > 0)
            {
                Visit(i, i - 1);
            }

            if (x < width - 1)
            {
                Visit(i, i + 1);
            }

            if (y < height - 1)
            {
                Visit(i, i + width);
            }
        }

        return [];

        void Visit(int from, int to)
        {
            if (_walkable[to] && _stamp[to] != gen)
            {
                _stamp[to] = gen;
                _parent[to] = from;
                _queue[tail++] = to;
            }
        }
    }
}
