namespace Agents.World.Map;

/// <summary>Turns the objects of a Tiled map's place layers into sectors, arenas, objects and spawns of a builder.</summary>
internal static class TiledPlaces
{
    public static void Add(MapBuilder builder, List<TiledObject> sectors, List<TiledObject> arenas, List<TiledObject> objects,
        List<TiledObject> spawns, List<string> problems)
    {
        foreach (TiledObject s in sectors)
        {
            if (Named(s, problems))
            {
                builder.AddSector(s.Name, s.Area, s.Origin);
            }
        }

        var placedArenas = new List<(string Sector, TiledObject Arena)>();
        foreach (TiledObject a in arenas)
        {
            if (!Named(a, problems))
            {
                continue;
            }

            string? sector = a.Properties.GetValueOrDefault("sector");
            if (sector is null)
            {
                sector = sectors.FirstOrDefault(s => s.Area.Contains(a.Area))?.Name;
                if (sector is null)
                {
                    problems.Add($"{a.Where}: its rectangle {a.Area} lies in no sector and it has no 'sector' property; expected one of them");
                    continue;
                }
            }
            else if (!sectors.Any(s => s.Name == sector))
            {
                problems.Add($"{a.Where}: its 'sector' property names '{sector}', which is not an object of layer 'sectors'");
                continue;
            }

            builder.AddArena(sector, a.Name, a.Area, a.Origin);
            placedArenas.Add((sector, a));
        }

        foreach (TiledObject o in objects)
        {
            if (!Named(o, problems))
            {
                continue;
            }

            Point at = o.Anchor;
            (string Sector, TiledObject Arena) home = placedArenas.FirstOrDefault(a => a.Arena.Area.Contains(at));
            if (home.Arena is null)
            {
                problems.Add($"{o.Where}: its tile {at} lies in no arena; expected it inside a rectangle of layer 'arenas'");
                continue;
            }

            builder.AddObject(home.Sector, home.Arena.Name, o.Name, at, o.Properties.GetValueOrDefault("state") ?? "idle", o.Origin);
        }

        foreach (TiledObject s in spawns)
        {
            if (Named(s, problems))
            {
                builder.AddSpawn(s.Name, s.Anchor, s.Origin);
            }
        }
    }

    private static bool Named(TiledObject o, List<string> problems)
    {
        if (!string.IsNullOrWhiteSpace(o.Name))
        {
            return true;
        }

        problems.Add($"{o.Where}: has no name; expected the place's name in the object's Name field");
        return false;
    }
}
