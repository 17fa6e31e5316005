using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Agents.World.Scenarios;

/// <summary>
/// Reads the values of one YAML mapping into typed values, reporting unknown keys (with a suggestion),
/// missing required keys and wrongly typed values to the error sink. A value that is absent or wrong reads as null.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> entries = new(StringComparer.Ordinal);

    public MappingReader(YamlMappingNode node, string context, IReadOnlyList<string> knownKeys, ErrorSink errors)
    {
        Node = node;
        Context = context;
        Errors = errors;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } scalarKey)
            {
                errors.Add(key.Start, $"{Where}expected a plain key, found {YamlText.Describe(key)}");
                continue;
            }

            if (!knownKeys.Contains(name))
            {
                var suggestion = KeySuggestions.Closest(name, knownKeys);
                var hint = suggestion is null
                    ? $"expected one of: {string.Join(", ", knownKeys)}"
                    : $"did you mean '{suggestion}'?";
                errors.Add(key.Start, $"{Where}unknown key '{name}'; {hint}");
                continue;
            }

            entries[name] = (scalarKey, value);
        }
    }

    public YamlMappingNode Node { get; }

    public string Context { get; }

    public ErrorSink Errors { get; }

    private string Where => Context.Length == 0 ? string.Empty : $"{Context}: ";

    /// <summary>True when the key is present with a non-null value.</summary>
    public bool Has(string key) => entries.TryGetValue(key, out var entry) && !YamlText.IsNull(entry.Value);

    /// <summary>The value node of a key, or null when absent (reported as missing when required) or null-valued.</summary>
    public YamlNode? Value(string key, bool required, string expected)
    {
        if (entries.TryGetValue(key, out var entry))
        {
            if (!YamlText.IsNull(entry.Value))
            {
                return entry.Value;
            }

            if (required)
            {
                Errors.Add(entry.Value.Start, $"{Path(key)}: expected {expected}, found nothing");
            }

            return null;
        }

        if (required)
        {
            Errors.Add(Node.Start, $"{Where}missing required key '{key}' (expected {expected})");
        }

        return null;
    }

    /// <summary>Where the key's value starts, or where the mapping starts when the key is absent.</summary>
    public Mark MarkOf(string key) => entries.TryGetValue(key, out var entry) ? entry.Value.Start : Node.Start;

    /// <summary>Where the key itself starts, or where the mapping starts when the key is absent.</summary>
    public Mark KeyMarkOf(string key) => entries.TryGetValue(key, out var entry) ? entry.Key.Start : Node.Start;

    /// <summary>The key path for messages, such as <c>agents[2].home</c>.</summary>
    public string Path(string key) => YamlText.Join(Context, key);

    public string? String(string key, bool required = false, string expected = "a text")
    {
        var node = Value(key, required, expected);
        return node is null ? null : ReadScalar(node, Path(key), expected);
    }

    public int? Int(string key, int min = int.MinValue, int max = int.MaxValue, bool required = false)
    {
        var expected = Range("a whole number", min, max);
        var text = String(key, required, expected);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            Errors.Add(MarkOf(key), $"{Path(key)}: expected {expected}, found {YamlText.Quote(text)}");
            return null;
        }

        return value;
    }

    public double? Double(string key, double min, double max, bool required = false, string expected = "a number")
    {
        var text = String(key, required, expected);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || value < min || value > max)
        {
            Errors.Add(MarkOf(key), $"{Path(key)}: expected {expected}, found {YamlText.Quote(text)}");
            return null;
        }

        return value;
    }

    public bool? Bool(string key)
    {
        var text = String(key, expected: "true or false");
        switch (text?.Trim().ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                Errors.Add(MarkOf(key), $"{Path(key)}: expected true or false, found {YamlText.Quote(text)}");
                return null;
        }
    }

    public TimeSpan? Duration(string key, bool required = false, bool positive = true)
    {
        var text = String(key, required, ScenarioValues.DurationForms);
        if (text is null)
        {
            return null;
        }

        if (!ScenarioValues.TryParseDuration(text, out var value) || (positive && value <= TimeSpan.Zero))
        {
            var what = positive ? $"{ScenarioValues.DurationForms}, greater than zero" : ScenarioValues.DurationForms;
            Errors.Add(MarkOf(key), $"{Path(key)}: expected {what}, found {YamlText.Quote(text)}");
            return null;
        }

        return value;
    }

    public DateTime? DateTime(string key, bool required = false)
    {
        var text = String(key, required, ScenarioValues.DateTimeForms);
        if (text is null)
        {
            return null;
        }

        if (!ScenarioValues.TryParseDateTime(text, out var value))
        {
            Errors.Add(MarkOf(key), $"{Path(key)}: expected {ScenarioValues.DateTimeForms}, found {YamlText.Quote(text)}");
            return null;
        }

        return value;
    }

    public TimeOnly? Time(string key, bool required = false)
    {
        var text = String(key, required, ScenarioValues.TimeForms);
        if (text is null)
        {
            return null;
        }

        if (!ScenarioValues.TryParseTime(text, out var value))
        {
            Errors.Add(MarkOf(key), $"{Path(key)}: expected {ScenarioValues.TimeForms}, found {YamlText.Quote(text)}");
            return null;
        }

        return value;
    }

    /// <summary>A list of texts; a single text is read as a comma-separated list when <paramref name="splitCommas"/> is set, else as one item.</summary>
    public IReadOnlyList<string>? StringList(string key, bool splitCommas, bool required = false)
    {
        const string expected = "a list of texts";
        var node = Value(key, required, expected);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode { Value: { } text }:
                return splitCommas
                    ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : [text];
            case YamlSequenceNode sequence:
                var items = new List<string>();
                var index = 0;
                foreach (var item in sequence.Children)
                {
                    var value = ReadScalar(item, $"{Path(key)}[{index}]", "a text");
                    if (value is not null)
                    {
                        items.Add(value);
                    }

                    index++;
                }

                return items;
            default:
                Errors.Add(node.Start, $"{Path(key)}: expected {expected}, found {YamlText.Describe(node)}");
                return null;
        }
    }

    /// <summary>A flow list of exactly <paramref name="count"/> whole numbers, such as <c>[x, y]</c>.</summary>
    public int[]? Ints(string key, int count, string shape, bool required = false)
    {
        var expected = $"{shape} ({count} whole numbers)";
        var node = Value(key, required, expected);
        if (node is null)
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence || sequence.Children.Count != count)
        {
            var found = node is YamlSequenceNode s ? $"a list of {s.Children.Count}" : YamlText.Describe(node);
            Errors.Add(node.Start, $"{Path(key)}: expected {expected}, found {found}");
            return null;
        }

        var values = new int[count];
        for (var i = 0; i < count; i++)
        {
            var item = sequence.Children[i];
            if (item is not YamlScalarNode { Value: { } text }
                || !int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]))
            {
                Errors.Add(item.Start, $"{Path(key)}[{i}]: expected a whole number, found {YamlText.Describe(item)}");
                return null;
            }
        }

        return values;
    }

    public YamlMappingNode? Mapping(string key, bool required = false, string expected = "a mapping")
    {
        var node = Value(key, required, expected);
        if (node is null or YamlMappingNode)
        {
            return (YamlMappingNode?)node;
        }

        Errors.Add(node.Start, $"{Path(key)}: expected {expected}, found {YamlText.Describe(node)}");
        return null;
    }

    public YamlSequenceNode? Sequence(string key, bool required = false, string expected = "a list")
    {
        var node = Value(key, required, expected);
        if (node is null or YamlSequenceNode)
        {
            return (YamlSequenceNode?)node;
        }

        Errors.Add(node.Start, $"{Path(key)}: expected {expected}, found {YamlText.Describe(node)}");
        return null;
    }

    private string? ReadScalar(YamlNode node, string path, string expected)
    {
        if (node is YamlScalarNode { Value: { } text })
        {
            return text;
        }

        Errors.Add(node.Start, $"{path}: expected {expected}, found {YamlText.Describe(node)}");
        return null;
    }

    private static string Range(string what, int min, int max) => (min, max) switch
    {
        (int.MinValue, int.MaxValue) => what,
        (_, int.MaxValue) => $"{what} of at least {min}",
        _ => $"{what} from {min} to {max}",
    };
}
