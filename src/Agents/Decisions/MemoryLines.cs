using System.Globalization;

namespace Agents.Decisions;

/// <summary>How a memory appears in a prompt: "[importance] text", so a reader can tell news from small talk.</summary>
public static class MemoryLines
{
    /// <summary>"[7] text".</summary>
    public static string Format(int importance, string text) =>
        "[" + importance.ToString(CultureInfo.InvariantCulture) + "] " + text;

    /// <summary>The importance and text of a line; importance 0 when the line has none.</summary>
    public static (int Importance, string Text) Parse(string line)
    {
        var close = line.IndexOf(']', StringComparison.Ordinal);
        if (line.StartsWith('[') && close > 1 && int.TryParse(line.AsSpan(1, close - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var importance))
        {
            return (importance, line[(close + 1)..].Trim());
        }

        return (0, line);
    }
}
