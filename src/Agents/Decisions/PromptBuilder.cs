using System.Globalization;
using System.Text;

namespace Agents.Decisions;

/// <summary>
/// Writes prompts in the one layout every decision uses: the type, an instruction, "Label: value" lines, "Label:"
/// headers followed by "- item" lines, and a closing "Reply:" line. <see cref="PromptReader"/> reads it back.
/// </summary>
internal sealed class PromptBuilder
{
    private const int MaxItemLength = 200;
    private readonly StringBuilder _text = new();

    public PromptBuilder(string type, string instruction)
    {
        _text.Append(type).Append('\n').Append(instruction).Append('\n');
    }

    public PromptBuilder Field(string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            _text.Append(label).Append(": ").Append(OneLine(value, 400)).Append('\n');
        }

        return this;
    }

    public PromptBuilder List(string label, IEnumerable<string> items, bool numbered = false)
    {
        _text.Append(label).Append(":\n");
        var n = 0;
        foreach (var item in items)
        {
            n++;
            _text.Append(numbered ? n.ToString(CultureInfo.InvariantCulture) + ". " : "- ").Append(OneLine(item, MaxItemLength)).Append('\n');
        }

        if (n == 0)
        {
            _text.Append("- (none)\n");
        }

        return this;
    }

    /// <summary>
    /// A list whose items together take at most about <paramref name="budget"/> characters: the longest items are cut
    /// (at a word, with "...") to one common length, so short items stay whole.
    /// </summary>
    public PromptBuilder List(string label, IEnumerable<string> items, int budget, bool numbered = false)
    {
        var lines = items.Select(i => OneLine(i, MaxItemLength)).ToList();
        var cap = Cap(lines.Select(l => l.Length).ToList(), budget);
        return List(label, lines.Select(l => Cut(l, cap)), numbered);
    }

    public string Reply(string description) => _text.Append("Reply: ").Append(description).ToString();

    /// <summary>The largest item length (at least 40) at which the items fit in <paramref name="budget"/> characters.</summary>
    internal static int Cap(IReadOnlyList<int> lengths, int budget)
    {
        const int Least = 40;
        var longest = lengths.Count == 0 ? 0 : lengths.Max();
        for (var cap = longest; cap > Least; cap--)
        {
            if (lengths.Sum(l => Math.Min(l, cap)) <= budget)
            {
                return cap;
            }
        }

        return Least;
    }

    /// <summary>The text cut to at most <paramref name="max"/> characters at a word boundary, ending "...".</summary>
    internal static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = text.LastIndexOf(' ', max - 3);
        var cut = end >= max / 2 ? text[..end] : text[..(max - 3)];
        return cut.TrimEnd(' ', ',', ';', ':', '.') + "...";
    }

    internal static string OneLine(string text, int max)
    {
        var line = text.Replace('\n', ' ').Replace('\r', ' ').Trim();
        return line.Length <= max ? line : line[..(max - 3)].TrimEnd() + "...";
    }
}
