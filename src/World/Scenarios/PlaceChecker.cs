using Agents.World.Map;

namespace Agents.World.Scenarios;

/// <summary>
/// Checks the places of a grid map against the map and each other (areas on the map, sectors apart, arenas inside
/// their sector and apart, objects inside their arena and on tiles of their own) and adds the valid ones to the
/// builder. Places that fail are left out and remembered, so that references to them are not reported again.
/// </summary>
internal sealed class PlaceChecker(MapBuilder builder, ErrorSink errors)
{
    private readonly List<(SectorDraft Sector, Rect Area)> sectors = [];
    private readonly Dictionary<Point, string> objectTiles = [];

    /// <summary>Addresses of places that were declared but left out because they were invalid.</summary>
    public HashSet<string> Broken { get; } = new(StringComparer.Ordinal);

    public void Add(IReadOnlyList<SectorDraft> drafts)
    {
        foreach (var (sector, index) in drafts.Select((s, i) => (s, i)))
        {
            AddSector(sector, $"places[{index}]");
        }
    }

    private void AddSector(SectorDraft sector, string context)
    {
        var map = new Rect(0, 0, builder.Width, builder.Height);
        var area = CheckArea(sector.Area, sector.AreaAt, $"{context}.area", $"sector '{sector.Name}'", map, $"the {builder.Width}x{builder.Height} map");
        if (area is null)
        {
            MarkBroken(sector);
            return;
        }

        if (sectors.FirstOrDefault(s => s.Area.Intersects(area.Value)) is { Sector: not null } other)
        {
            errors.Add(sector.AreaAt, $"{context}.area: sector '{sector.Name}' at {Show(area.Value)} overlaps sector '{other.Sector.Name}' at {Show(other.Area)} (line {other.Sector.AreaAt.Line}); expected sectors apart");
            MarkBroken(sector);
            return;
        }

        sectors.Add((sector, area.Value));
        builder.AddSector(sector.Name, area.Value);
        var arenas = new List<(ArenaDraft Arena, Rect Area)>();
        foreach (var (arena, index) in sector.Arenas.Select((a, i) => (a, i)))
        {
            var arenaContext = $"{context}.arenas[{index}]";
            var arenaArea = CheckArea(arena.Area, arena.AreaAt, $"{arenaContext}.area", $"arena '{arena.Name}'", area.Value, $"its sector '{sector.Name}' at {Show(area.Value)}");
            var address = $"{sector.Name}:{arena.Name}";
            if (arenaArea is null)
            {
                Broken.Add(address);
                continue;
            }

            if (arenas.FirstOrDefault(a => a.Area.Intersects(arenaArea.Value)) is { Arena: not null } clash)
            {
                errors.Add(arena.AreaAt, $"{arenaContext}.area: arena '{arena.Name}' at {Show(arenaArea.Value)} overlaps arena '{clash.Arena.Name}' at {Show(clash.Area)} (line {clash.Arena.AreaAt.Line}); expected arenas apart");
                Broken.Add(address);
                continue;
            }

            arenas.Add((arena, arenaArea.Value));
            builder.AddArena(sector.Name, arena.Name, arenaArea.Value);
            AddObjects(sector.Name, arena, arenaArea.Value, arenaContext);
        }
    }

    private void AddObjects(string sector, ArenaDraft arena, Rect area, string context)
    {
        foreach (var (item, index) in arena.Objects.Select((o, i) => (o, i)))
        {
            var address = $"{sector}:{arena.Name}:{item.Name}";
            if (item.At is null)
            {
                Broken.Add(address);
                continue;
            }

            var at = new Point(item.At[0], item.At[1]);
            if (!area.Contains(at))
            {
                errors.Add(item.AtAt, $"{context}.objects[{index}].at: expected a tile inside arena '{arena.Name}' at {Show(area)}, found [{at.X}, {at.Y}]");
                Broken.Add(address);
                continue;
            }

            if (objectTiles.TryGetValue(at, out var other))
            {
                errors.Add(item.AtAt, $"{context}.objects[{index}].at: expected a tile of its own, found [{at.X}, {at.Y}] taken by '{other}'");
                Broken.Add(address);
                continue;
            }

            objectTiles[at] = address;
            builder.AddObject(sector, arena.Name, item.Name, at, item.State);
        }
    }

    private Rect? CheckArea(int[]? values, YamlDotNet.Core.Mark at, string path, string what, Rect parent, string parentName)
    {
        if (values is null)
        {
            return null;
        }

        if (values[2] <= 0 || values[3] <= 0)
        {
            errors.Add(at, $"{path}: expected a positive width and height for {what}, found {values[2]}x{values[3]}");
            return null;
        }

        var area = new Rect(values[0], values[1], values[2], values[3]);
        if ((long)values[0] + values[2] > parent.Right || (long)values[1] + values[3] > parent.Bottom
            || values[0] < parent.X || values[1] < parent.Y)
        {
            errors.Add(at, $"{path}: expected {what} inside {parentName}, found {Show(area)}");
            return null;
        }

        return area;
    }

    private void MarkBroken(SectorDraft sector)
    {
        Broken.Add(sector.Name);
        foreach (var arena in sector.Arenas)
        {
            Broken.Add($"{sector.Name}:{arena.Name}");
        }
    }

    /// <summary>An area as the file writes it.</summary>
    public static string Show(Rect r) => $"[{r.X}, {r.Y}, {r.Width}, {r.Height}]";
}
