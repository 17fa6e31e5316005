namespace Agents.Decisions;

/// <summary>Helpers that make reply parsing forgiving of what small models add: blank lines, bullets, code fences.</summary>
internal static class ReplyText
{
    public static IReadOnlyList<string> Lines(string reply)
    {
        var lines = new List<string>();
        foreach (var raw in reply.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
            {
                line = line[2..].Trim();
            }

            lines.Add(line);
        }

        return lines;
    }

    public static string? Labelled(string reply, string label)
    {
        var prefix = label + ":";
        foreach (var line in Lines(reply))
        {
            if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return line[prefix.Length..].Trim();
            }
        }

        return null;
    }
}
