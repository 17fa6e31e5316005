using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Agents.Collaboration.AgentVerse;

/// <summary>
/// Reads an AgentVerse setup from YAML: experts (how many roles to recruit), structure (vertical or horizontal),
/// max-turns, critic-rounds, success-score (0-10), execute (none, arithmetic or program) and prompts (the recruiter's,
/// solver's, critic's and evaluator's instructions). Every key is optional; unknown keys are errors. Errors name the
/// file, line and column and what was expected. Stateless and thread-safe.
/// </summary>
public static class AgentVerseFile
{
    private static readonly string[] Keys = ["name", "experts", "structure", "max-turns", "critic-rounds", "success-score", "execute", "prompts"];
    private static readonly string[] PromptKeys = ["recruiter", "solver", "critic", "evaluator"];

    /// <summary>Loads the setup at <paramref name="path"/>.</summary>
    /// <exception cref="AgentVerseFileException">The file is not a valid setup.</exception>
    public static AgentVerseConfig Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new AgentVerseFileException($"{path}:{e.Start.Line}:{e.Start.Column}: not valid YAML ({e.Message}).");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new AgentVerseFileException($"{path}:1:1: expected a mapping with experts, structure, max-turns, critic-rounds, success-score, execute, prompts.");
        }

        Known(path, root, Keys);
        var structure = Choice(path, root, "structure", "vertical", ["vertical", "horizontal"]) == "vertical" ? DecisionStructure.Vertical : DecisionStructure.Horizontal;
        var execution = Choice(path, root, "execute", "none", ["none", "arithmetic", "program"]) switch
        {
            "arithmetic" => ExecutionKind.Arithmetic,
            "program" => ExecutionKind.Program,
            _ => ExecutionKind.None,
        };
        var prompts = new AgentVersePrompts();
        if (Get(root, "prompts") is { } node)
        {
            if (node is not YamlMappingNode map)
            {
                throw Error(path, node, "expected 'prompts' to be a mapping of recruiter, solver, critic and evaluator to instructions.");
            }

            Known(path, map, PromptKeys);
            prompts = new AgentVersePrompts(Text(path, map, "recruiter"), Text(path, map, "solver"), Text(path, map, "critic"), Text(path, map, "evaluator"));
        }

        var options = new AgentVerseOptions(
            Int(path, root, "experts", 3, 1, 20),
            Int(path, root, "max-turns", 3, 1, 100),
            Int(path, root, "critic-rounds", 3, 1, 100),
            structure,
            Int(path, root, "success-score", 8, 0, 10),
            prompts);
        var name = Get(root, "name") switch
        {
            null => Path.GetFileNameWithoutExtension(path),
            YamlScalarNode { Value: { Length: > 0 } text } => text,
            var other => throw Error(path, other, "expected 'name' to be text."),
        };
        return new AgentVerseConfig(name, options, execution);
    }

    private static int Int(string path, YamlMappingNode map, string key, int fallback, int min, int max)
    {
        var node = Get(map, key);
        if (node is null)
        {
            return fallback;
        }

        return node is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Error(path, node, $"expected '{key}' to be a whole number from {min} to {max}; found '{(node as YamlScalarNode)?.Value}'.");
    }

    private static string Choice(string path, YamlMappingNode map, string key, string fallback, string[] choices) =>
        Get(map, key) switch
        {
            null => fallback,
            YamlScalarNode { Value: { } value } when choices.Contains(value, StringComparer.Ordinal) => value,
            var node => throw Error(path, node, $"expected '{key}' to be {string.Join(" or ", choices)}; found '{(node as YamlScalarNode)?.Value}'."),
        };

    private static string? Text(string path, YamlMappingNode map, string key) =>
        Get(map, key) switch
        {
            null => null,
            YamlScalarNode { Value: { Length: > 0 } text } => text,
            var node => throw Error(path, node, $"expected the {key}'s instruction as text."),
        };

    private static void Known(string path, YamlMappingNode map, string[] keys)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !keys.Contains(name, StringComparer.Ordinal))
            {
                throw Error(path, key, $"unknown key '{(key as YamlScalarNode)?.Value}'; expected one of {string.Join(", ", keys)}.");
            }
        }
    }

    private static YamlNode? Get(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static AgentVerseFileException Error(string path, YamlNode node, string message) => new($"{path}:{node.Start.Line}:{node.Start.Column}: {message}");
}
