namespace Agents.Decisions;

/// <summary>Reads a prompt written by <see cref="PromptBuilder"/>: its type, its fields and its lists.</summary>
public sealed class PromptReader
{
    private readonly string[] _lines;

    /// <summary>Reads <paramref name="prompt"/>.</summary>
    public PromptReader(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        _lines = prompt.Split('\n');
    }

    /// <summary>The decision type (the first line).</summary>
    public string Type => _lines[0].Trim();

    /// <summary>The value of the first "<paramref name="label"/>: value" line, or null.</summary>
    public string? Field(string label)
    {
        var prefix = label + ": ";
        foreach (var line in _lines)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..].Trim();
            }
        }

        return null;
    }

    /// <summary>The items under the "<paramref name="label"/>:" header ("- item" or "n. item" lines), without "(none)".</summary>
    public IReadOnlyList<string> List(string label)
    {
        var items = new List<string>();
        var header = label + ":";
        var inside = false;
        foreach (var line in _lines)
        {
            if (inside)
            {
                if (line.StartsWith("- ", StringComparison.Ordinal))
                {
                    var item = line[2..].Trim();
                    if (item != "(none)")
                    {
                        items.Add(item);
                    }
                }
                else if (line.Length > 2 && char.IsDigit(line[0]) && line.IndexOf(". ", StringComparison.Ordinal) is > 0 and < 4 and var dot)
                {
                    items.Add(line[(dot + 2)..].Trim());
                }
                else
                {
                    break;
                }
            }
            else if (line == header)
            {
                inside = true;
            }
        }

        return items;
    }
}
