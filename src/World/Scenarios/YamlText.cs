using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Agents.World.Scenarios;

/// <summary>Small helpers that describe YAML nodes in error messages.</summary>
internal static class YamlText
{
    private const int MaxShown = 40;

    /// <summary>True for an absent value: an empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && (string.IsNullOrEmpty(scalar.Value) || scalar.Value is "~" or "null" or "Null" or "NULL");

    /// <summary>How a node reads in a "found ..." phrase: a quoted scalar, "a mapping", "a list" or "nothing".</summary>
    public static string Describe(YamlNode node) => node switch
    {
        _ when IsNull(node) => "nothing",
        YamlScalarNode scalar => Quote(scalar.Value ?? string.Empty),
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "an alias",
    };

    /// <summary>Quotes a value for a message, shortened when long.</summary>
    public static string Quote(string value)
    {
        var oneLine = value.ReplaceLineEndings("\\n");
        return oneLine.Length <= MaxShown ? $"'{oneLine}'" : $"'{oneLine[..MaxShown]}...'";
    }

    /// <summary>Joins a path of keys for messages: <c>agents[2].home</c>.</summary>
    public static string Join(string context, string key) => context.Length == 0 ? key : $"{context}.{key}";
}
