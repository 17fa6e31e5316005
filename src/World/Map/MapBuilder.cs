namespace Agents.World.Map;

/// <summary>
/// Collects tiles, places and spawn points, then checks them and builds an immutable <see cref="TileMap"/>.
/// Places may be added in any order; structural problems are reported all at once by <see cref="Validate"/>
/// and <see cref="Build"/>. Not thread-safe: one builder is filled by one thread.
/// </summary>
public sealed class MapBuilder
{
    private readonly TileLegend[] _tiles;
    private readonly List<PendingSector> _sectors = [];
    private readonly List<PendingArena> _arenas = [];
    private readonly List<PendingObject> _objects = [];
    private readonly List<PendingSpawn> _spawns = [];

    /// <summary>Starts a map of the given size in which every tile is <see cref="TileLegend.Floor"/>.</summary>
    /// <exception cref="MapException">The width or height is not positive.</exception>
    public MapBuilder(int width, int height)
    {
        if (width <= 0 || height <= 0 || (long)width * height > int.MaxValue)
        {
            throw new MapException($"A map needs a positive width and height, found {width}x{height}.");
        }

        Width = width;
        Height = height;
        _tiles = new TileLegend[width * height];
        Array.Fill(_tiles, TileLegend.Floor);
    }

    /// <summary>The number of columns.</summary>
    public int Width { get; }

    /// <summary>The number of rows.</summary>
    public int Height { get; }

    /// <summary>The file the map comes from, if any; error messages name it.</summary>
    public string? Source { get; set; }

    /// <summary>True when the tile lies on the map.</summary>
    public bool InBounds(Point p) => p.X >= 0 && p.Y >= 0 && p.X < Width && p.Y < Height;

    /// <summary>Sets one tile.</summary>
    /// <exception cref="MapException">The tile lies off the map.</exception>
    public void SetTile(Point p, TileLegend tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        if (!InBounds(p))
        {
            throw new MapException($"{Where}tile {p} lies off the {Width}x{Height} map.");
        }

        _tiles[(p.Y * Width) + p.X] = tile;
    }

    /// <summary>Reads one tile back.</summary>
    /// <exception cref="MapException">The tile lies off the map.</exception>
    public TileLegend GetTile(Point p) =>
        InBounds(p) ? _tiles[(p.Y * Width) + p.X] : throw new MapException($"{Where}tile {p} lies off the {Width}x{Height} map.");

    /// <summary>Adds a sector covering <paramref name="area"/>.</summary>
    public void AddSector(string name, Rect area) => AddSector(name, area, null);

    /// <summary>Adds an arena covering <paramref name="area"/> inside the named sector.</summary>
    public void AddArena(string sector, string arena, Rect area) => AddArena(sector, arena, area, null);

    /// <summary>Adds an object on tile <paramref name="at"/> inside the named arena, with its initial state.</summary>
    public void AddObject(string sector, string arena, string name, Point at, string state = "idle") =>
        AddObject(sector, arena, name, at, state, null);

    /// <summary>Adds a named spawn point.</summary>
    public void AddSpawn(string name, Point at) => AddSpawn(name, at, null);

    /// <summary>Adds a sector; <paramref name="origin"/> (such as "layer 'sectors', object 3") is named in its problems.</summary>
    internal void AddSector(string name, Rect area, string? origin) => _sectors.Add(new PendingSector(name, area, origin));

    /// <summary>Adds an arena; <paramref name="origin"/> is named in its problems.</summary>
    internal void AddArena(string sector, string arena, Rect area, string? origin) => _arenas.Add(new PendingArena(sector, arena, area, origin));

    /// <summary>Adds an object; <paramref name="origin"/> is named in its problems.</summary>
    internal void AddObject(string sector, string arena, string name, Point at, string state, string? origin) =>
        _objects.Add(new PendingObject(sector, arena, name, at, state, origin));

    /// <summary>Adds a spawn point; <paramref name="origin"/> is named in its problems.</summary>
    internal void AddSpawn(string name, Point at, string? origin) => _spawns.Add(new PendingSpawn(name, at, origin));

    /// <summary>Every structural problem of the map as it stands, each naming the place; empty when it builds.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        CheckSectors(problems);
        CheckArenas(problems);
        CheckObjects(problems);
        CheckSpawns(problems);
        return problems;
    }

    /// <summary>Checks the map and builds it.</summary>
    /// <exception cref="MapException">
    /// Structural errors: an unknown sector or arena, a place outside its parent or off the map, overlapping places,
    /// duplicate names, an object outside its arena, a spawn off the map or on a blocked tile, more than 256 tile kinds.
    /// </exception>
    public TileMap Build()
    {
        IReadOnlyList<string> problems = Validate();
        if (problems.Count > 0)
        {
            throw new MapException(Source, problems);
        }

        var legends = new List<TileLegend>();
        var legendIndex = new Dictionary<TileLegend, byte>();
        byte[] tiles = new byte[_tiles.Length];
        for (int i = 0; i < _tiles.Length; i++)
        {
            TileLegend legend = _tiles[i];
            if (!legendIndex.TryGetValue(legend, out byte index))
            {
                if (legends.Count == 256)
                {
                    throw new MapException(Source, [$"more than 256 distinct tile legends; found another one, '{legend.Kind}'"]);
                }

                index = (byte)legends.Count;
                legendIndex.Add(legend, index);
                legends.Add(legend);
            }

            tiles[i] = index;
        }

        var sectors = new List<Sector>(_sectors.Count);
        foreach (PendingSector s in _sectors)
        {
            var arenas = new List<Arena>();
            foreach (PendingArena a in _arenas)
            {
                if (!string.Equals(a.Sector, s.Name, StringComparison.Ordinal))
                {
                    continue;
                }

                var objects = new List<PlacedObject>();
                foreach (PendingObject o in _objects)
                {
                    if (string.Equals(o.Sector, s.Name, StringComparison.Ordinal) && string.Equals(o.Arena, a.Name, StringComparison.Ordinal))
                    {
                        objects.Add(new PlacedObject(new Address(s.Name, a.Name, o.Name), o.At, o.State));
                    }
                }

                arenas.Add(new Arena(s.Name, a.Name, a.Area, objects.AsReadOnly()));
            }

            sectors.Add(new Sector(s.Name, s.Area, arenas.AsReadOnly()));
        }

        return new TileMap(Width, Height, tiles, [.. legends], sectors, [.. _spawns.Select(s => new SpawnPoint(s.Name, s.At))]);
    }

    private string Where => Source is null ? string.Empty : $"{Source}: ";

    private static string From(string? origin) => origin is null ? string.Empty : $" ({origin})";

    private static string? CheckName(string? name, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return $"{what} has an empty name";
        }

        if (name.Contains(Address.Separator, StringComparison.Ordinal))
        {
            return $"{what} '{name}' has a ':' in its name; names may not contain ':' (it separates the parts of an address)";
        }

        return name.Trim().Length != name.Length ? $"{what} '{name}' has spaces around its name" : null;
    }

    private void CheckSectors(List<string> problems)
    {
        var map = new Rect(0, 0, Width, Height);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < _sectors.Count; i++)
        {
            PendingSector s = _sectors[i];
            if (CheckName(s.Name, "a sector") is { } bad)
            {
                problems.Add(bad + From(s.Origin));
                continue;
            }

            string sector = $"sector '{s.Name}'{From(s.Origin)}";
            if (!seen.Add(s.Name))
            {
                problems.Add($"{sector} is defined twice");
                continue;
            }

            if (s.Area.IsEmpty)
            {
                problems.Add($"{sector} has an empty area {s.Area}; expected a positive width and height");
            }
            else if (!map.Contains(s.Area))
            {
                problems.Add($"{sector} at {s.Area} lies off the {Width}x{Height} map");
            }

            for (int j = 0; j < i; j++)
            {
                if (_sectors[j].Area.Intersects(s.Area) && !string.Equals(_sectors[j].Name, s.Name, StringComparison.Ordinal))
                {
                    problems.Add($"{sector} at {s.Area} overlaps sector '{_sectors[j].Name}' at {_sectors[j].Area}");
                }
            }
        }
    }

    private void CheckArenas(List<string> problems)
    {
        var seen = new HashSet<(string, string)>();
        for (int i = 0; i < _arenas.Count; i++)
        {
            PendingArena a = _arenas[i];
            if ((CheckName(a.Sector, "an arena's sector") ?? CheckName(a.Name, $"an arena of sector '{a.Sector}'")) is { } bad)
            {
                problems.Add(bad + From(a.Origin));
                continue;
            }

            string address = $"{a.Sector}:{a.Name}'{From(a.Origin)}";
            int sector = _sectors.FindIndex(s => string.Equals(s.Name, a.Sector, StringComparison.Ordinal));
            if (sector < 0)
            {
                problems.Add($"arena '{address} names an unknown sector '{a.Sector}'");
                continue;
            }

            if (!seen.Add((a.Sector, a.Name)))
            {
                problems.Add($"arena '{address} is defined twice");
                continue;
            }

            Rect parent = _sectors[sector].Area;
            if (a.Area.IsEmpty)
            {
                problems.Add($"arena '{address} has an empty area {a.Area}; expected a positive width and height");
            }
            else if (!parent.Contains(a.Area))
            {
                problems.Add($"arena '{address} at {a.Area} lies outside its sector '{a.Sector}' at {parent}");
            }

            for (int j = 0; j < i; j++)
            {
                PendingArena other = _arenas[j];
                if (string.Equals(other.Sector, a.Sector, StringComparison.Ordinal) && other.Area.Intersects(a.Area)
                    && !string.Equals(other.Name, a.Name, StringComparison.Ordinal))
                {
                    problems.Add($"arena '{address} at {a.Area} overlaps arena '{other.Sector}:{other.Name}' at {other.Area}");
                }
            }
        }
    }

    private void CheckObjects(List<string> problems)
    {
        var seen = new HashSet<(string, string, string)>();
        var occupied = new Dictionary<Point, string>();
        foreach (PendingObject o in _objects)
        {
            if ((CheckName(o.Sector, "an object's sector") ?? CheckName(o.Arena, "an object's arena")
                    ?? CheckName(o.Name, $"an object of '{o.Sector}:{o.Arena}'")) is { } bad)
            {
                problems.Add(bad + From(o.Origin));
                continue;
            }

            string address = $"{o.Sector}:{o.Arena}:{o.Name}";
            string obj = $"object '{address}'{From(o.Origin)}";
            int arena = _arenas.FindIndex(a => string.Equals(a.Sector, o.Sector, StringComparison.Ordinal)
                && string.Equals(a.Name, o.Arena, StringComparison.Ordinal));
            if (arena < 0)
            {
                problems.Add($"{obj} names an unknown arena '{o.Sector}:{o.Arena}'");
                continue;
            }

            if (!seen.Add((o.Sector, o.Arena, o.Name)))
            {
                problems.Add($"{obj} is defined twice");
                continue;
            }

            if (!InBounds(o.At))
            {
                problems.Add($"{obj} at {o.At} lies off the {Width}x{Height} map");
            }
            else if (!_arenas[arena].Area.Contains(o.At))
            {
                problems.Add($"{obj} at {o.At} lies outside its arena '{o.Sector}:{o.Arena}' at {_arenas[arena].Area}");
            }

            if (occupied.TryGetValue(o.At, out string? first))
            {
                problems.Add($"{obj} at {o.At} overlaps object '{first}' on the same tile");
            }
            else
            {
                occupied.Add(o.At, address);
            }

            if (o.State is null)
            {
                problems.Add($"{obj} has no initial state");
            }
        }
    }

    private void CheckSpawns(List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (PendingSpawn s in _spawns)
        {
            if (string.IsNullOrWhiteSpace(s.Name))
            {
                problems.Add($"a spawn point at {s.At} has an empty name{From(s.Origin)}");
                continue;
            }

            string spawn = $"spawn point '{s.Name}'{From(s.Origin)}";
            if (!seen.Add(s.Name))
            {
                problems.Add($"{spawn} is defined twice");
            }

            if (!InBounds(s.At))
            {
                problems.Add($"{spawn} at {s.At} lies off the {Width}x{Height} map");
            }
            else if (!_tiles[(s.At.Y * Width) + s.At.X].Walkable)
            {
                problems.Add($"{spawn} at {s.At} is on a blocked tile ('{_tiles[(s.At.Y * Width) + s.At.X].Kind}')");
            }
        }
    }

    private readonly record struct PendingSector(string Name, Rect Area, string? Origin);

    private readonly record struct PendingArena(string Sector, string Name, Rect Area, string? Origin);

    private readonly record struct PendingObject(string Sector, string Arena, string Name, Point At, string State, string? Origin);

    private readonly record struct PendingSpawn(string Name, Point At, string? Origin);
}
