using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Agents.Tools;

/// <summary>
/// Parses actions written as <c>Tool[argument]</c>, <c>Tool[{"name": value}]</c>, <c>Tool({"name": value})</c> or
/// <c>{"tool": "Tool", "arguments": {...}}</c>. Stateless and thread-safe.
/// </summary>
public static partial class ActionParser
{
    /// <summary>Parses <paramref name="text"/>; false when it has none of the accepted shapes.</summary>
    public static bool TryParse(string? text, [MaybeNullWhen(false)] out ToolAction action)
    {
        action = null;
        var trimmed = text?.Trim().TrimEnd('.') ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return false;
        }

        if (trimmed.StartsWith('{'))
        {
            return TryParseJson(trimmed, out action);
        }

        var match = Bracketed().Match(trimmed);
        if (!match.Success)
        {
            return false;
        }

        action = new ToolAction(match.Groups["name"].Value, match.Groups["arg"].Value.Trim());
        return true;
    }

    private static bool TryParseJson(string text, [MaybeNullWhen(false)] out ToolAction action)
    {
        action = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !(root.TryGetProperty("tool", out var tool) || root.TryGetProperty("name", out tool))
                || tool.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            var argument = root.TryGetProperty("arguments", out var args)
                ? args.ValueKind == JsonValueKind.String ? args.GetString()! : args.GetRawText()
                : string.Empty;
            action = new ToolAction(tool.GetString()!, argument);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_.]*)\s*[\[(](?<arg>.*)[\])]$", RegexOptions.Singleline)]
    private static partial Regex Bracketed();
}
