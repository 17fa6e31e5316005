using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Agents.World.Map;

/// <summary>
/// Shortest 4-neighbour paths over the walkable tiles of a <see cref="TileMap"/>: A* with a binary heap, the Manhattan
/// heuristic and deterministic tie-breaking (the same query always gives the same path). Connected regions are
/// labelled once, so an unreachable target is answered at once, never by an exhaustive search. Paths to single
/// tiles and to places are kept in a bounded LRU cache. Thread-safe: searches may run concurrently.
/// </summary>
public sealed class Pathfinder
{
    private readonly int _width;
    private readonly int _height;
    private readonly bool[] _walkable;
    private readonly int[] _component;
    private readonly LruCache<PathKey, PathResult> _cache;
    private readonly ConcurrentBag<SearchState> _states = [];
    private long _hits;
    private long _misses;

    /// <summary>Labels the map's connected regions and prepares a cache of up to <paramref name="cacheCapacity"/> paths (0 turns caching off).</summary>
    public Pathfinder(TileMap map, int cacheCapacity = 4096)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfNegative(cacheCapacity);
        Map = map;
        _width = map.Width;
        _height = map.Height;
        _walkable = map.WalkableGrid.ToArray();
        _component = LabelComponents(_walkable, _width, _height, out int count);
        ComponentCount = count;
        _cache = new LruCache<PathKey, PathResult>(cacheCapacity);
    }

    /// <summary>The map searched.</summary>
    public TileMap Map { get; }

    /// <summary>The number of separate walkable regions of the map.</summary>
    public int ComponentCount { get; }

    /// <summary>Cached answers returned so far.</summary>
    public long CacheHits => Interlocked.Read(ref _hits);

    /// <summary>Searches run because no cached answer existed.</summary>
    public long CacheMisses => Interlocked.Read(ref _misses);

    /// <summary>The number of paths held in the cache.</summary>
    public int CachedPaths => _cache.Count;

    /// <summary>The label of the walkable region holding the tile, or -1 for a blocked or off-map tile.</summary>
    public int ComponentOf(Point p) => InBounds(p) ? _component[Index(p)] : -1;

    /// <summary>True when both tiles are walkable and connected; O(1).</summary>
    public bool IsReachable(Point from, Point to)
    {
        int a = ComponentOf(from);
        return a >= 0 && a == ComponentOf(to);
    }

    /// <summary>A shortest path from <paramref name="from"/> to <paramref name="to"/>, from the cache when asked before.</summary>
    public PathResult FindPath(Point from, Point to)
    {
        if (Check(from, "start") is { } badStart)
        {
            return PathResult.NotFound(badStart);
        }

        if (Check(to, "target") is { } badTarget)
        {
            return PathResult.NotFound(badTarget);
        }

        if (!IsReachable(from, to))
        {
            return PathResult.NotFound($"no path from {from} to {to}: the target lies in a walkable region cut off from the start");
        }

        var key = new PathKey(from, to, default);
        if (TryCached(key, out PathResult cached))
        {
            return cached;
        }

        return Remember(key, Search(from, [to]));
    }

    /// <summary>A shortest path from <paramref name="from"/> to the nearest reachable tile of <paramref name="goals"/> (not cached).</summary>
    public PathResult FindPath(Point from, IReadOnlyList<Point> goals)
    {
        ArgumentNullException.ThrowIfNull(goals);
        return Check(from, "start") is { } badStart ? PathResult.NotFound(badStart) : Search(from, goals);
    }

    /// <summary>
    /// A shortest path from <paramref name="from"/> to the nearest tile where an agent is at <paramref name="place"/>
    /// (see <see cref="TileMap.WalkableTilesOf"/>), from the cache when asked before.
    /// </summary>
    public PathResult FindPath(Point from, Address place)
    {
        if (Check(from, "start") is { } badStart)
        {
            return PathResult.NotFound(badStart);
        }

        if (!Map.Exists(place))
        {
            return PathResult.NotFound($"no path from {from} to '{place}': the map has no such place");
        }

        var key = new PathKey(from, default, place);
        if (TryCached(key, out PathResult cached))
        {
            return cached;
        }

        return Remember(key, Search(from, Map.WalkableTilesOf(place), place.ToString()));
    }

    /// <summary>Forgets every cached path.</summary>
    public void ClearCache() => _cache.Clear();

    private static int[] LabelComponents(bool[] walkable, int width, int height, out int count)
    {
        int[] label = new int[walkable.Length];
        Array.Fill(label, -1);
        int[] queue = new int[walkable.Length];
        count = 0;
        for (int start = 0; start < walkable.Length; start++)
        {
            if (!walkable[start] || label[start] >= 0)
            {
                continue;
            }

            int head = 0, tail = 0;
            queue[tail++] = start;
            label[start] = count;
            while (head < tail)
            {
                int i = queue[head++];
                int x = i % width, y = i / width;
                if (y > 0 && walkable[i - width] && label[i - width] < 0)
                {
                    label[i - width] = count;
                    queue[tail++] = i - width;
                }

                if (x > 0 && walkable[i - 1] && label[i - 1] < 0)
                {
                    label[i - 1] = count;
                    queue[tail++] = i - 1;
                }

                if (x < width - 1 && walkable[i + 1] && label[i + 1] < 0)
                {
                    label[i + 1] = count;
                    queue[tail++] = i + 1;
                }

                if (y < height - 1 && walkable[i + width] && label[i + width] < 0)
                {
                    label[i + width] = count;
                    queue[tail++] = i + width;
                }
            }

            count++;
        }

        return label;
    }

    private bool TryCached(PathKey key, out PathResult cached)
    {
        if (_cache.TryGet(key, out cached))
        {
            Interlocked.Increment(ref _hits);
            return true;
        }

        Interlocked.Increment(ref _misses);
        return false;
    }

    private PathResult Remember(PathKey key, PathResult result)
    {
        if (result.Found)
        {
            _cache.Set(key, result);
        }

        return result;
    }

    private string? Check(Point p, string role)
    {
        if (!InBounds(p))
        {
            return $"the {role} {p} lies off the {_width}x{_height} map";
        }

        return _walkable[Index(p)] ? null : $"the {role} {p} is on a blocked tile ('{Map.TileAt(p).Kind}')";
    }

    private bool InBounds(Point p) => (uint)p.X < (uint)_width && (uint)p.Y < (uint)_height;

    private int Index(Point p) => (p.Y * _width) + p.X;

    private PathResult Search(Point from, IReadOnlyList<Point> goals, string? place = null)
    {
        int start = Index(from);
        int component = _component[start];
        if (!_states.TryTake(out SearchState? state))
        {
            state = new SearchState(_walkable.Length);
        }

        try
        {
            int gen = state.Begin();
            var box = GoalBox.Empty;
            int reachable = 0;
            foreach (Point g in goals)
            {
                if (!InBounds(g) || _component[Index(g)] != component)
                {
                    continue;
                }

                if (g == from)
                {
                    return new PathResult(true, Array.Empty<Point>(), null);
                }

                state.Nodes[Index(g)].Goal = gen;
                reachable++;
                box = box.Including(g);
            }

            if (reachable == 0)
            {
                string target = place is null ? goals.Count == 1 ? goals[0].ToString() : $"any of {goals.Count} goal tiles" : $"'{place}'";
                return PathResult.NotFound(goals.Count == 0
                    ? $"no path from {from}: no goal tiles were given"
                    : $"no path from {from} to {target}: no goal tile is walkable and connected to the start");
            }

            // The heuristic is the Manhattan distance to the goals' bounding box (see GoalBox). It is consistent, so a
            // tile's first expansion is final and a popped entry costlier than the tile's best known cost is stale.
            // On a grid a step changes the estimate f = cost + heuristic by 0 or 2. Successors that keep f are the best
            // open tiles (same f, the greatest cost), so they go on a stack and skip the heap: the heap order with ties
            // broken towards greater cost, at a fraction of its price on open ground.
            SearchNode[] nodes = state.Nodes;
            NodeHeap open = state.Heap;
            int[] stack = state.Stack;
            int top = 0;
            int width = _width;
            bool[] walkable = _walkable;
            nodes[start].Cost = 0;
            nodes[start].Seen = gen;
            open.Push(start, box.DistanceFrom(from.X, from.Y), 0);
            while (top > 0 || open.Count > 0)
            {
                int i, cost;
                if (top > 0)
                {
                    i = stack[--top];
                    cost = nodes[i].Cost;
                }
                else
                {
                    i = open.Pop(out cost);
                    if (cost > nodes[i].Cost)
                    {
                        continue;
                    }
                }

                if (nodes[i].Goal == gen)
                {
                    return new PathResult(true, Reconstruct(nodes, start, i), null);
                }

                int y = i / width, x = i - (y * width);
                var expansion = new Expansion(i, cost + 1, cost + box.DistanceFrom(x, y), gen);
                if (y > 0 && walkable[i - width])
                {
                    Relax(nodes, open, stack, ref top, in expansion, i - width, box.DistanceFrom(x, y - 1));
                }

                if (x > 0 && walkable[i - 1])
                {
                    Relax(nodes, open, stack, ref top, in expansion, i - 1, box.DistanceFrom(x - 1, y));
                }

                if (x < width - 1 && walkable[i + 1])
                {
                    Relax(nodes, open, stack, ref top, in expansion, i + 1, box.DistanceFrom(x + 1, y));
                }

                if (y < _height - 1 && walkable[i + width])
                {
                    Relax(nodes, open, stack, ref top, in expansion, i + width, box.DistanceFrom(x, y + 1));
                }
            }

            // Unreachable by construction: the goals share the start's component.
            throw new InvalidOperationException($"A* exhausted the region of {from} without reaching a goal of the same region.");
        }
        finally
        {
            _states.Add(state);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Relax(SearchNode[] nodes, NodeHeap open, int[] stack, ref int top, in Expansion from, int to, int heuristic)
    {
        ref SearchNode node = ref nodes[to];
        int cost = from.NextCost;
        if (node.Seen == from.Generation && node.Cost <= cost)
        {
            return;
        }

        node.Seen = from.Generation;
        node.Cost = cost;
        node.Parent = from.Tile;
        int estimate = cost + heuristic;
        if (estimate == from.Estimate)
        {
            stack[top++] = to;
        }
        else
        {
            open.Push(to, estimate, cost);
        }
    }

    private IReadOnlyList<Point> Reconstruct(SearchNode[] nodes, int start, int end)
    {
        int length = nodes[end].Cost;
        var steps = new Point[length];
        for (int i = end, k = length - 1; i != start; i = nodes[i].Parent, k--)
        {
            steps[k] = new Point(i % _width, i / _width);
        }

        return Array.AsReadOnly(steps);
    }

    private readonly record struct PathKey(Point From, Point To, Address Place);

    /// <summary>The tile being expanded: its index, the cost of its successors, its estimate and the search's generation.</summary>
    private readonly record struct Expansion(int Tile, int NextCost, int Estimate, int Generation);
}
