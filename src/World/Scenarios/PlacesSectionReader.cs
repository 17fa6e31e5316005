using YamlDotNet.RepresentationModel;

namespace Agents.World.Scenarios;

/// <summary>Reads the <c>places</c> section: sectors with areas, their arenas and the arenas' objects.</summary>
internal static class PlacesSectionReader
{
    private static readonly string[] SectorKeys = ["sector", "area", "arenas"];
    private static readonly string[] ArenaKeys = ["name", "area", "objects"];
    private static readonly string[] ObjectKeys = ["name", "at", "state"];

    /// <summary>The state an object has when the file names none.</summary>
    public const string DefaultObjectState = "idle";

    private const string AreaShape = "an area [x, y, width, height]";

    public static IReadOnlyList<SectorDraft> Read(YamlSequenceNode places, ErrorSink errors)
    {
        var sectors = new List<SectorDraft>();
        var seen = new Dictionary<string, SectorDraft>(StringComparer.Ordinal);
        foreach (var (node, index) in places.Children.Select((n, i) => (n, i)))
        {
            var context = $"places[{index}]";
            if (node is not YamlMappingNode mapping)
            {
                errors.Add(node.Start, $"{context}: expected a sector like {{ sector: name, area: [x, y, w, h] }}, found {YamlText.Describe(node)}");
                continue;
            }

            var reader = new MappingReader(mapping, context, SectorKeys, errors);
            var name = Name(reader, "sector", "the sector's name");
            var area = reader.Ints("area", 4, AreaShape, required: true);
            var arenas = ReadArenas(reader, errors);
            if (name is null)
            {
                continue;
            }

            if (seen.TryGetValue(name, out var first))
            {
                errors.Add(reader.MarkOf("sector"), $"{context}.sector: duplicate sector '{name}' (first declared at line {first.NameAt.Line}); expected unique sector names");
                continue;
            }

            var sector = new SectorDraft(name, area, reader.MarkOf("sector"), reader.MarkOf("area"), arenas);
            seen[name] = sector;
            sectors.Add(sector);
        }

        return sectors;
    }

    private static List<ArenaDraft> ReadArenas(MappingReader sector, ErrorSink errors)
    {
        var arenas = new List<ArenaDraft>();
        var node = sector.Sequence("arenas", expected: "a list of arenas");
        if (node is null)
        {
            return arenas;
        }

        foreach (var (item, index) in node.Children.Select((n, i) => (n, i)))
        {
            var context = $"{sector.Context}.arenas[{index}]";
            if (item is not YamlMappingNode mapping)
            {
                errors.Add(item.Start, $"{context}: expected an arena like {{ name: kitchen, area: [x, y, w, h] }}, found {YamlText.Describe(item)}");
                continue;
            }

            var reader = new MappingReader(mapping, context, ArenaKeys, errors);
            var name = Name(reader, "name", "the arena's name");
            var area = reader.Ints("area", 4, AreaShape, required: true);
            var objects = ReadObjects(reader, errors);
            if (name is null)
            {
                continue;
            }

            if (arenas.FirstOrDefault(a => a.Name == name) is { } first)
            {
                errors.Add(reader.MarkOf("name"), $"{context}.name: duplicate arena '{name}' in this sector (first declared at line {first.NameAt.Line}); expected unique arena names");
                continue;
            }

            arenas.Add(new ArenaDraft(name, area, reader.MarkOf("name"), reader.MarkOf("area"), objects));
        }

        return arenas;
    }

    private static List<ObjectDraft> ReadObjects(MappingReader arena, ErrorSink errors)
    {
        var objects = new List<ObjectDraft>();
        var node = arena.Sequence("objects", expected: "a list of objects");
        if (node is null)
        {
            return objects;
        }

        foreach (var (item, index) in node.Children.Select((n, i) => (n, i)))
        {
            var context = $"{arena.Context}.objects[{index}]";
            if (item is not YamlMappingNode mapping)
            {
                errors.Add(item.Start, $"{context}: expected an object like {{ name: bed, at: [x, y] }}, found {YamlText.Describe(item)}");
                continue;
            }

            var reader = new MappingReader(mapping, context, ObjectKeys, errors);
            var name = Name(reader, "name", "the object's name");
            var at = reader.Ints("at", 2, "a tile [x, y]", required: true);
            var state = reader.String("state") ?? DefaultObjectState;
            if (name is null)
            {
                continue;
            }

            if (objects.FirstOrDefault(o => o.Name == name) is { } first)
            {
                errors.Add(reader.MarkOf("name"), $"{context}.name: duplicate object '{name}' in this arena (first declared at line {first.NameAt.Line}); expected unique object names, such as '{name} 2'");
                continue;
            }

            objects.Add(new ObjectDraft(name, at, state, reader.MarkOf("name"), reader.MarkOf("at")));
        }

        return objects;
    }

    /// <summary>A place name: required, non-blank and free of ':' (the address separator).</summary>
    internal static string? Name(MappingReader reader, string key, string expected)
    {
        var name = reader.String(key, required: true, expected: expected);
        if (name is null)
        {
            return null;
        }

        name = name.Trim();
        if (name.Length == 0 || name.Contains(':'))
        {
            reader.Errors.Add(reader.MarkOf(key), $"{reader.Path(key)}: expected {expected} (not blank, without ':'), found {YamlText.Quote(name)}");
            return null;
        }

        return name;
    }
}
