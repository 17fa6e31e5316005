using Agents.World.Map;
using Agents.World.Perception;
using YamlDotNet.Core;

namespace Agents.World.Scenarios;

/// <summary>
/// Turns a draft into a <see cref="Scenario"/>: builds the map, places agents, and checks every reference
/// (homes, routine places, metric places and agents) for existence and reachability. Reports to the error sink;
/// returns null when anything was wrong.
/// </summary>
internal sealed class ScenarioBuilder(ScenarioDraft draft, ScenarioSource source, ErrorSink errors)
{
    private HashSet<string> broken = new(StringComparer.Ordinal);
    private TileMap? map;
    private Pathfinder? pathfinder;
    private List<string>? addresses;

    public Scenario? Build()
    {
        map = draft.Map is null ? null : BuildMap(draft.Map);
        pathfinder = map is null ? null : new Pathfinder(map, cacheCapacity: 0);
        var agents = BuildAgents();
        var metrics = BuildMetrics();
        if (errors.Count > 0 || map is null || draft.Name is null || draft.Start is null || draft.Mind is null)
        {
            return null;
        }

        var (radius, attention, retention) = draft.Perception;
        return new Scenario(
            draft.Name, draft.Seed, draft.Start.Value, draft.Step, draft.Duration, draft.SnapshotEvery, map, agents,
            draft.Mind, draft.Memory, new PerceptionSettings(radius, attention, retention), metrics, source.Path,
            source.Text, draft.ReferencedFiles);
    }

    private TileMap? BuildMap(MapDraft mapDraft)
    {
        var builder = mapDraft.TiledPath is { } tiled ? ReadTiled(tiled, mapDraft.At) : ReadGrid(mapDraft);
        if (builder is null)
        {
            return null;
        }

        // Places of the scenario file are added to the grid's (a Tiled map may bring its own as well).
        var places = new PlaceChecker(builder, errors);
        places.Add(draft.Sectors);
        broken = places.Broken;
        try
        {
            return builder.Build();
        }
        catch (MapException e)
        {
            foreach (var problem in e.Problems)
            {
                errors.Add(mapDraft.At, $"map: {problem}");
            }

            return null;
        }
    }

    private MapBuilder? ReadTiled(string path, Mark at)
    {
        try
        {
            return TiledMap.Read(path);
        }
        catch (MapException e)
        {
            foreach (var problem in e.Problems)
            {
                errors.Add(at, $"map.tiled: {problem}");
            }

            return null;
        }
    }

    private MapBuilder ReadGrid(MapDraft mapDraft)
    {
        var grid = mapDraft.Grid!;
        var legend = mapDraft.Legend.ToDictionary(kv => kv.Key, kv => new TileLegend(kv.Value.Kind, kv.Value.Walkable));
        var gridErrors = new List<AsciiMapError>();
        var builder = AsciiMap.Parse(grid.Rows, legend, gridErrors);
        builder.Source = grid.File;
        foreach (var error in gridErrors)
        {
            var (line, column) = grid.Locate(error.Row, error.Column);
            errors.Add(grid.File, line, column, $"map grid: {error.Message}");
        }

        return builder;
    }

    private List<AgentSpec> BuildAgents()
    {
        var specs = new List<AgentSpec>();
        var taken = new HashSet<Point>();
        foreach (var agent in draft.Agents.Where(a => a.Position is not null))
        {
            taken.Add(new Point(agent.Position![0], agent.Position[1]));
        }

        foreach (var (agent, index) in draft.Agents.Select((a, i) => (a, i)))
        {
            var context = $"agents[{index}]";
            var home = ResolvePlace(agent.Home, agent.HomeAt, $"{context}.home", "home");
            var position = Position(agent, context, home, taken);
            if (position is { } start && home is { } h)
            {
                CheckReachable(h, start, agent.HomeAt, $"{context}.home", "home");
            }

            var routine = new List<RoutineItem>();
            foreach (var (item, itemIndex) in agent.Routine.Select((r, i) => (r, i)))
            {
                var path = $"{context}.routine[{itemIndex}].place";
                var place = ResolvePlace(item.Place, item.PlaceAt, path, "place");
                if (place is null)
                {
                    continue;
                }

                if (position is { } from)
                {
                    CheckReachable(place.Value, from, item.PlaceAt, path, "place");
                }

                routine.Add(new RoutineItem(item.At, item.Activity, place.Value));
            }

            if (agent.Name is not null && agent.Age is not null && home is not null && position is not null)
            {
                specs.Add(new AgentSpec(
                    agent.Name, agent.Age.Value, agent.Traits, agent.Lifestyle, home.Value, position.Value,
                    agent.Situation, agent.Memories, routine));
            }
        }

        return specs;
    }

    private Point? Position(AgentDraft agent, string context, Address? home, HashSet<Point> taken)
    {
        if (map is null)
        {
            return null;
        }

        if (agent.Position is { } xy)
        {
            var p = new Point(xy[0], xy[1]);
            if (!map.InBounds(p))
            {
                errors.Add(agent.PositionAt, $"{context}.position: expected a tile on the {map.Width}x{map.Height} map (x from 0 to {map.Width - 1}, y from 0 to {map.Height - 1}), found [{p.X}, {p.Y}]");
                return null;
            }

            if (!map.IsWalkable(p))
            {
                errors.Add(agent.PositionAt, $"{context}.position: expected a walkable tile, found [{p.X}, {p.Y}], a {map.TileAt(p).Kind} tile");
                return null;
            }

            return p;
        }

        if (agent.Name is not null && map.Spawns.FirstOrDefault(s => s.Name == agent.Name) is { } spawn)
        {
            return spawn.Position;
        }

        if (home is null)
        {
            return null;
        }

        var tiles = map.WalkableTilesOf(home.Value);
        if (tiles.Count == 0)
        {
            errors.Add(agent.HomeAt, $"{context}.home: expected a home with a walkable tile to start on, found none in '{home}'");
            return null;
        }

        var free = tiles.FirstOrDefault(t => !taken.Contains(t), tiles[0]);
        taken.Add(free);
        return free;
    }

    private void CheckReachable(Address place, Point from, Mark at, string path, string what)
    {
        if (pathfinder is null || map is null)
        {
            return;
        }

        var tiles = map.WalkableTilesOf(place);
        if (tiles.Count == 0)
        {
            errors.Add(at, $"{path}: expected a {what} with at least one walkable tile, found none in '{place}'");
            return;
        }

        foreach (var tile in tiles)
        {
            if (pathfinder.IsReachable(from, tile))
            {
                return;
            }
        }

        errors.Add(at, $"{path}: expected a {what} reachable from the agent's start [{from.X}, {from.Y}], found '{place}' cut off (is a door missing in its walls?)");
    }

    private Address? ResolvePlace(string? text, Mark at, string path, string what)
    {
        if (text is null)
        {
            return null;
        }

        if (!Address.TryParse(text, out var address))
        {
            errors.Add(at, $"{path}: expected an address sector:arena[:object], found {YamlText.Quote(text)}");
            return null;
        }

        if (map is null || IsBroken(address))
        {
            return null;
        }

        if (!map.Exists(address))
        {
            var hint = PlaceHint(address);
            errors.Add(at, $"{path}: unknown place '{address}'; expected the {what} to be a sector, arena or object of the map{hint}");
            return null;
        }

        return address;
    }

    /// <summary>A close spelling, else the full addresses of places with the same last name part (an arena written without its sector).</summary>
    private string PlaceHint(Address address)
    {
        if (KeySuggestions.Closest(address.ToString(), AllAddresses()) is { } close)
        {
            return $"; did you mean '{close}'?";
        }

        var last = address.Object ?? address.Arena ?? address.Sector;
        var sameName = AllAddresses().Where(a => a.EndsWith(":" + last, StringComparison.Ordinal)).Take(3).ToList();
        return sameName.Count == 0 ? string.Empty : $"; did you mean {string.Join(" or ", sameName.Select(a => $"'{a}'"))}?";
    }

    private bool IsBroken(Address address)
    {
        var current = (Address?)address;
        while (current is { } a)
        {
            if (broken.Contains(a.ToString()))
            {
                return true;
            }

            current = a.Parent;
        }

        return false;
    }

    private List<string> AllAddresses() => addresses ??=
        [
            .. map!.Sectors.Select(s => s.Address.ToString()),
            .. map.Arenas.Select(a => a.Address.ToString()),
            .. map.Objects.Select(o => o.Address.ToString()),
        ];

    private List<MetricSpec> BuildMetrics()
    {
        var specs = new List<MetricSpec>();
        var known = draft.Agents.Where(a => a.Name is not null).Select(a => a.Name!).ToHashSet(StringComparer.Ordinal);
        foreach (var (metric, index) in draft.Metrics.Select((m, i) => (m, i)))
        {
            var context = $"metrics[{index}]";
            Address? place = metric.Place is null ? null : ResolvePlace(metric.Place, metric.PlaceAt, $"{context}.place", "place");
            foreach (var (name, at) in metric.Agents.Where(a => !known.Contains(a.Name)))
            {
                var suggestion = KeySuggestions.Closest(name, known);
                var hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
                errors.Add(at, $"{context}.agents: unknown agent '{name}'; expected a name from the agents list{hint}");
            }

            specs.Add(new MetricSpec(
                metric.Kind, metric.Name, metric.Fact, metric.Keywords, place, metric.From, metric.To,
                metric.Agents.Select(a => a.Name).ToList()));
        }

        return specs;
    }
}
