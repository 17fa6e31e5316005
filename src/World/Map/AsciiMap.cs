namespace Agents.World.Map;

/// <summary>Reads a map drawn as rows of characters, each looked up in a legend.</summary>
public static class AsciiMap
{
    /// <summary>
    /// Reads the grid into a builder (one tile per character; the width is the first row's length). Problems (an
    /// unknown character, a row of another length, no rows) are appended to <paramref name="errors"/> with their row
    /// and column inside the grid; the affected tiles stay floor so that later checks can still run.
    /// </summary>
    /// <returns>A builder with the tiles set, to which places and spawns are then added (1x1 when there is no grid at all).</returns>
    public static MapBuilder Parse(IReadOnlyList<string> rows, IReadOnlyDictionary<char, TileLegend> legend, List<AsciiMapError> errors)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(legend);
        ArgumentNullException.ThrowIfNull(errors);
        if (rows.Count == 0 || rows[0] is null || rows[0].Length == 0)
        {
            errors.Add(new AsciiMapError(0, 0, "expected at least one row of tile characters, found an empty grid"));
            return new MapBuilder(1, 1);
        }

        int width = rows[0].Length;
        var builder = new MapBuilder(width, rows.Count);
        var unknown = new HashSet<char>();
        for (int y = 0; y < rows.Count; y++)
        {
            string row = rows[y] ?? string.Empty;
            if (row.Length != width)
            {
                errors.Add(new AsciiMapError(y, Math.Min(row.Length, width),
                    $"row {y} has {row.Length} characters; expected {width} like the first row"));
            }

            int n = Math.Min(row.Length, width);
            for (int x = 0; x < n; x++)
            {
                char c = row[x];
                if (legend.TryGetValue(c, out TileLegend? tile))
                {
                    builder.SetTile(new Point(x, y), tile);
                }
                else if (unknown.Count < 20 || unknown.Contains(c))
                {
                    unknown.Add(c);
                    errors.Add(new AsciiMapError(y, x, $"unknown tile character {Describe(c)}; the legend has {DescribeLegend(legend)}"));
                }
            }
        }

        return builder;
    }

    private static string Describe(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" + (c switch { ' ' => " (space)", '\t' => " (tab)", '\r' => " (carriage return)", _ => string.Empty }) : $"'{c}'";

    private static string DescribeLegend(IReadOnlyDictionary<char, TileLegend> legend) =>
        legend.Count == 0
            ? "no characters"
            : string.Join(", ", legend.OrderBy(kv => kv.Key).Select(kv => $"{Describe(kv.Key)} ({kv.Value.Kind})"));
}
