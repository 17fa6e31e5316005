using System.Collections.ObjectModel;

namespace Agents.World.Map;

/// <summary>
/// An immutable tile grid with collision and the place hierarchy sector &gt; arena &gt; object.
/// Built by <see cref="MapBuilder"/>, <see cref="AsciiMap"/> or <see cref="TiledMap"/>; safe to read from any thread.
/// Object states change during a run and live in the simulation, not here.
/// </summary>
public sealed class TileMap
{
    private static readonly ReadOnlyCollection<Point> NoPoints = new([]);

    private readonly byte[] _tiles;
    private readonly TileLegend[] _legends;
    private readonly byte[] _kindOfLegend;
    private readonly bool[] _walkable;
    private readonly short[] _sectorAt;
    private readonly int[] _arenaAt;
    private readonly Arena[] _arenas;
    private readonly Dictionary<string, Sector> _sectorByName = new(StringComparer.Ordinal);
    private readonly Dictionary<Address, Arena> _arenaByAddress = [];
    private readonly Dictionary<Address, PlacedObject> _objectByAddress = [];
    private readonly Dictionary<Point, PlacedObject> _objectAt = [];
    private readonly Dictionary<Address, ReadOnlyCollection<Point>> _walkableOf = [];

    internal TileMap(int width, int height, byte[] tiles, TileLegend[] legends, List<Sector> sectors, SpawnPoint[] spawns)
    {
        Width = width;
        Height = height;
        _tiles = tiles;
        _legends = legends;

        var kinds = new List<string>();
        _kindOfLegend = new byte[legends.Length];
        for (int i = 0; i < legends.Length; i++)
        {
            int kind = kinds.IndexOf(legends[i].Kind);
            if (kind < 0)
            {
                kind = kinds.Count;
                kinds.Add(legends[i].Kind);
            }

            _kindOfLegend[i] = (byte)kind;
        }

        Kinds = kinds.AsReadOnly();
        _walkable = new bool[tiles.Length];
        for (int i = 0; i < tiles.Length; i++)
        {
            _walkable[i] = legends[tiles[i]].Walkable;
        }

        Sectors = sectors.AsReadOnly();
        Spawns = Array.AsReadOnly(spawns);
        _sectorAt = new short[tiles.Length];
        _arenaAt = new int[tiles.Length];
        Array.Fill(_sectorAt, (short)-1);
        Array.Fill(_arenaAt, -1);
        var arenas = new List<Arena>();
        for (int s = 0; s < sectors.Count; s++)
        {
            Sector sector = sectors[s];
            _sectorByName.Add(sector.Name, sector);
            Fill(_sectorAt, sector.Area, (short)s);
            _walkableOf.Add(sector.Address, WalkableIn(sector.Area));
            foreach (Arena arena in sector.Arenas)
            {
                Fill(_arenaAt, arena.Area, arenas.Count);
                arenas.Add(arena);
                _arenaByAddress.Add(arena.Address, arena);
                _walkableOf.Add(arena.Address, WalkableIn(arena.Area));
                foreach (PlacedObject o in arena.Objects)
                {
                    _objectByAddress.Add(o.Address, o);
                    _objectAt.Add(o.Position, o);
                    _walkableOf.Add(o.Address, WalkableAround(o.Position, arena.Area));
                }
            }
        }

        _arenas = [.. arenas];
    }

    /// <summary>The number of columns.</summary>
    public int Width { get; }

    /// <summary>The number of rows.</summary>
    public int Height { get; }

    /// <summary>The distinct tile kind names; <see cref="KindIndexAt"/> indexes into it.</summary>
    public IReadOnlyList<string> Kinds { get; }

    /// <summary>The sectors, in the order they were added.</summary>
    public IReadOnlyList<Sector> Sectors { get; }

    /// <summary>The spawn points, in the order they were added.</summary>
    public IReadOnlyList<SpawnPoint> Spawns { get; }

    /// <summary>Every arena of every sector, in sector order.</summary>
    public IReadOnlyList<Arena> Arenas => _arenas;

    /// <summary>Every object of every arena, in sector and arena order.</summary>
    public IEnumerable<PlacedObject> Objects => _arenas.SelectMany(a => a.Objects);

    /// <summary>True when the tile lies on the map.</summary>
    public bool InBounds(Point p) => (uint)p.X < (uint)Width && (uint)p.Y < (uint)Height;

    /// <summary>True when the tile lies on the map and agents may stand on it.</summary>
    public bool IsWalkable(Point p) => InBounds(p) && _walkable[(p.Y * Width) + p.X];

    /// <summary>The tile's kind and walkability.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The tile lies off the map.</exception>
    public TileLegend TileAt(Point p) => _legends[_tiles[IndexOf(p)]];

    /// <summary>The tile's index into <see cref="Kinds"/>, compact for renderers.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The tile lies off the map.</exception>
    public byte KindIndexAt(Point p) => _kindOfLegend[_tiles[IndexOf(p)]];

    /// <summary>The sector with that name, or null.</summary>
    public Sector? FindSector(string name) => _sectorByName.GetValueOrDefault(name);

    /// <summary>The arena at that address (depth 2), or null.</summary>
    public Arena? FindArena(Address a) => a.Depth == 2 ? _arenaByAddress.GetValueOrDefault(a) : null;

    /// <summary>The object at that address (depth 3), or null.</summary>
    public PlacedObject? FindObject(Address a) => a.Depth == 3 ? _objectByAddress.GetValueOrDefault(a) : null;

    /// <summary>True when the address names a sector, arena or object of this map.</summary>
    public bool Exists(Address a) => a.Depth > 0 && _walkableOf.ContainsKey(a);

    /// <summary>
    /// The most specific place of a tile: <c>sector:arena:object</c> on an object's tile, else <c>sector:arena</c>,
    /// else <c>sector</c>, else null (the street, or off the map).
    /// </summary>
    public Address? AddressAt(Point p)
    {
        if (!InBounds(p))
        {
            return null;
        }

        if (_objectAt.TryGetValue(p, out PlacedObject? o))
        {
            return o.Address;
        }

        int i = (p.Y * Width) + p.X;
        int arena = _arenaAt[i];
        if (arena >= 0)
        {
            return _arenas[arena].Address;
        }

        int sector = _sectorAt[i];
        return sector >= 0 ? Sectors[sector].Address : null;
    }

    /// <summary>The arena the tile lies in, or null.</summary>
    public Arena? ArenaAt(Point p)
    {
        if (!InBounds(p))
        {
            return null;
        }

        int arena = _arenaAt[(p.Y * Width) + p.X];
        return arena >= 0 ? _arenas[arena] : null;
    }

    /// <summary>The sector the tile lies in, or null.</summary>
    public Sector? SectorAt(Point p)
    {
        if (!InBounds(p))
        {
            return null;
        }

        int sector = _sectorAt[(p.Y * Width) + p.X];
        return sector >= 0 ? Sectors[sector] : null;
    }

    /// <summary>The object standing on the tile, or null.</summary>
    public PlacedObject? ObjectAt(Point p) => _objectAt.GetValueOrDefault(p);

    /// <summary>
    /// The tiles an agent may stand on to be at a place, row by row: every walkable tile of a sector or arena;
    /// for an object its own tile when walkable, else its walkable 4-neighbours (inside its arena when there are such,
    /// else any). Empty for an unknown address or a place without walkable tiles. The list is shared and read-only.
    /// </summary>
    public IReadOnlyList<Point> WalkableTilesOf(Address a) => _walkableOf.GetValueOrDefault(a) ?? NoPoints;

    /// <summary>The walkability of every tile, row by row; the pathfinder's view of the grid.</summary>
    internal ReadOnlySpan<bool> WalkableGrid => _walkable;

    private int IndexOf(Point p) =>
        InBounds(p) ? (p.Y * Width) + p.X : throw new ArgumentOutOfRangeException(nameof(p), p, $"The tile lies off the {Width}x{Height} map.");

    private void Fill<T>(T[] grid, Rect area, T value)
    {
        for (int y = area.Y; y < area.Bottom; y++)
        {
            Array.Fill(grid, value, (y * Width) + area.X, area.Width);
        }
    }

    private ReadOnlyCollection<Point> WalkableIn(Rect area)
    {
        var tiles = new List<Point>();
        foreach (Point p in area.Points())
        {
            if (_walkable[(p.Y * Width) + p.X])
            {
                tiles.Add(p);
            }
        }

        return tiles.AsReadOnly();
    }

    private ReadOnlyCollection<Point> WalkableAround(Point at, Rect arena)
    {
        if (_walkable[(at.Y * Width) + at.X])
        {
            return new ReadOnlyCollection<Point>([at]);
        }

        // Row-major order, so callers that take the first tile get a stable choice.
        Point[] around = [new(at.X, at.Y - 1), new(at.X - 1, at.Y), new(at.X + 1, at.Y), new(at.X, at.Y + 1)];
        Point[] inside = [.. around.Where(p => arena.Contains(p) && IsWalkable(p))];
        return inside.Length > 0 ? Array.AsReadOnly(inside) : Array.AsReadOnly(around.Where(IsWalkable).ToArray());
    }
}
