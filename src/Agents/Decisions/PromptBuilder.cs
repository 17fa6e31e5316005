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

    public string Reply(string description) => _text.Append("Reply: ").Append(description).ToString();

    internal static string OneLine(string text, int max)
    {
        var line = text.Replace('\n', ' ').Replace('\r', ' ').Trim();
        return line.Length <= max ? line : line[..(max - 3)].TrimEnd() + "...";
    }
}
