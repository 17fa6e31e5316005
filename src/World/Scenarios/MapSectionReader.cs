using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Agents.World.Scenarios;

/// <summary>Reads the <c>map</c> section: a legend with an inline grid or a grid file, or a Tiled file.</summary>
internal static class MapSectionReader
{
    public static readonly string[] Keys = ["legend", "grid", "file", "tiled"];

    private static readonly string[] LegendEntryKeys = ["kind", "walkable"];

    /// <summary>Tile kinds that block movement unless the legend says otherwise.</summary>
    private static readonly string[] BlockingKinds = ["wall", "water"];

    public static MapDraft? Read(MappingReader map, ScenarioSource source, List<string> referenced)
    {
        var errors = map.Errors;
        var sources = new[] { "grid", "file", "tiled" }.Where(map.Has).ToList();
        if (sources.Count == 0)
        {
            errors.Add(map.Node.Start, "map: missing the map itself; expected one of 'grid' (an inline grid), 'file' (a grid file) or 'tiled' (a .tmj file)");
            return null;
        }

        if (sources.Count > 1)
        {
            errors.Add(map.KeyMarkOf(sources[1]), $"map: expected only one of 'grid', 'file' or 'tiled', found both '{sources[0]}' and '{sources[1]}'");
            return null;
        }

        if (sources[0] == "tiled")
        {
            if (map.Has("legend"))
            {
                errors.Add(map.KeyMarkOf("legend"), "map.legend: a Tiled map brings its own tiles; expected no legend beside 'tiled'");
            }

            var tiled = map.String("tiled", expected: "the path of a .tmj file");
            if (tiled is null)
            {
                return null;
            }

            var resolved = source.Resolve(tiled);
            referenced.Add(resolved);
            return new MapDraft(new Dictionary<char, LegendDraft>(), null, resolved, map.MarkOf("tiled"));
        }

        var legendNode = map.Mapping("legend", required: true, expected: "a mapping from grid characters to tile kinds");
        var legend = legendNode is null ? null : ReadLegend(legendNode, errors);
        var grid = sources[0] == "grid" ? ReadInlineGrid(map, source) : ReadGridFile(map, source, referenced);
        return legend is null || grid is null ? null : new MapDraft(legend, grid, null, map.Node.Start);
    }

    private static Dictionary<char, LegendDraft> ReadLegend(YamlMappingNode node, ErrorSink errors)
    {
        var legend = new Dictionary<char, LegendDraft>();
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: 1 } symbol })
            {
                errors.Add(key.Start, $"map.legend: expected a single character as key (quote it, like '#'), found {YamlText.Describe(key)}");
                continue;
            }

            var path = $"map.legend['{symbol}']";
            string? kind;
            bool? walkable = null;
            switch (value)
            {
                case YamlScalarNode scalar when !YamlText.IsNull(scalar):
                    kind = scalar.Value;
                    break;
                case YamlMappingNode mapping:
                    var entry = new MappingReader(mapping, path, LegendEntryKeys, errors);
                    kind = entry.String("kind", required: true, expected: "a tile kind such as wall, floor or grass");
                    walkable = entry.Bool("walkable");
                    break;
                default:
                    errors.Add(value.Start, $"{path}: expected a tile kind (such as floor) or {{ kind: ..., walkable: ... }}, found {YamlText.Describe(value)}");
                    continue;
            }

            // An entry whose kind could not be read (already reported) still defines its character, so that the
            // grid does not report every use of it again.
            kind = kind?.Trim() ?? "floor";
            if (kind.Length == 0)
            {
                errors.Add(value.Start, $"{path}: expected a tile kind such as wall, floor or grass, found an empty text");
                kind = "floor";
            }

            legend[symbol[0]] = new LegendDraft(symbol[0], kind, walkable ?? !BlockingKinds.Contains(kind), key.Start);
        }

        if (legend.Count == 0 && node.Children.Count == 0)
        {
            errors.Add(node.Start, "map.legend: expected at least one entry, such as '#': wall, found an empty mapping");
        }

        return legend;
    }

    private static GridDraft? ReadInlineGrid(MappingReader map, ScenarioSource source)
    {
        var node = map.Value("grid", required: true, "the grid as a literal block (grid: |)");
        if (node is not YamlScalarNode { Value: { } text } scalar)
        {
            if (node is not null)
            {
                map.Errors.Add(node.Start, $"map.grid: expected the grid as a literal block (grid: |), found {YamlText.Describe(node)}");
            }

            return null;
        }

        if (scalar.Style == ScalarStyle.Folded)
        {
            map.Errors.Add(node.Start, "map.grid: expected a literal block (grid: |), found a folded block (grid: >), which joins the rows");
            return null;
        }

        var rows = SplitRows(text);
        var starts = new List<(int, int)>(rows.Count);
        if (scalar.Style == ScalarStyle.Literal)
        {
            // A literal block keeps its lines one for one: row r is the (r+1)-th line below the '|' header,
            // indented by the block's indentation.
            var header = (int)scalar.Start.Line;
            var indent = BlockIndent(source, header, (int)scalar.End.Line);
            for (var r = 0; r < rows.Count; r++)
            {
                starts.Add((header + 1 + r, indent + 1));
            }
        }
        else
        {
            var quote = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
            for (var r = 0; r < rows.Count; r++)
            {
                starts.Add(((int)scalar.Start.Line, (int)scalar.Start.Column + (r == 0 ? quote : 0)));
            }
        }

        return CheckShape(new GridDraft(rows, map.Errors.File, starts), map.MarkOf("grid"), "map.grid", map.Errors);
    }

    private static GridDraft? ReadGridFile(MappingReader map, ScenarioSource source, List<string> referenced)
    {
        var relative = map.String("file", expected: "the path of a text grid beside the scenario");
        if (relative is null)
        {
            return null;
        }

        var path = source.Resolve(relative);
        referenced.Add(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var why = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            map.Errors.Add(map.MarkOf("file"), $"map.file: expected a readable grid file at '{path}', found {why}");
            return null;
        }

        var rows = SplitRows(text);
        var starts = Enumerable.Range(0, rows.Count).Select(r => (r + 1, 1)).ToList();
        return CheckShape(new GridDraft(rows, path, starts), map.MarkOf("file"), "map.file", map.Errors);
    }

    private static GridDraft? CheckShape(GridDraft grid, Mark at, string path, ErrorSink errors)
    {
        if (grid.Rows.Count == 0 || grid.Rows[0].Length == 0)
        {
            errors.Add(at, $"{path}: expected at least one row of tiles, found an empty grid");
            return null;
        }

        return grid;
    }

    private static List<string> SplitRows(string text)
    {
        var rows = text.ReplaceLineEndings("\n").Split('\n').ToList();
        while (rows.Count > 0 && rows[^1].Length == 0)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return rows;
    }

    /// <summary>The indentation of a literal block: the leading spaces of its first non-blank line.</summary>
    private static int BlockIndent(ScenarioSource source, int headerLine, int endLine)
    {
        var lines = source.Lines;
        for (var line = headerLine + 1; line <= Math.Min(endLine, lines.Count); line++)
        {
            var text = lines[line - 1];
            if (text.Trim().Length > 0)
            {
                return text.Length - text.TrimStart(' ').Length;
            }
        }

        return 0;
    }
}
