using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Agents.Collaboration.ChatDev;

/// <summary>
/// Reads a chat chain from YAML: <c>roles</c> (name: system prompt) and <c>phases</c>, each either a phase (name,
/// instructor, assistant, prompt, turns, output, reflect) or a composed phase (cycle, repeat, stop-when, phases).
/// Errors name the file, line and column. Stateless and thread-safe.
/// </summary>
public static class ChatChainFile
{
    /// <summary>Loads the chain at <paramref name="path"/>.</summary>
    /// <exception cref="ChatChainFileException">The file is not a valid chain.</exception>
    public static ChatChain Load(string path)
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
            throw new ChatChainFileException($"{path}:{e.Start.Line}:{e.Start.Column}: not valid YAML ({e.Message}).");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ChatChainFileException($"{path}:1:1: expected a mapping with roles and phases.");
        }

        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Get(root, "roles") is { } rolesNode)
        {
            if (rolesNode is not YamlMappingNode map)
            {
                throw Error(path, rolesNode, "expected roles as a mapping of role name to system prompt.");
            }

            foreach (var (key, value) in map.Children)
            {
                roles[((YamlScalarNode)key).Value ?? string.Empty] = (value as YamlScalarNode)?.Value ?? throw Error(path, value, "expected the role's system prompt as text.");
            }
        }

        var steps = Phases(path, root).Select(node => Step(path, node)).ToList();
        return new ChatChain(roles, steps);
    }

    private static IEnumerable<YamlNode> Phases(string path, YamlMappingNode map) =>
        Get(map, "phases") switch
        {
            YamlSequenceNode { Children.Count: > 0 } list => list.Children,
            null => throw Error(path, map, "expected a list 'phases'."),
            var node => throw Error(path, node, "expected 'phases' to be a non-empty list."),
        };

    private static ChainStep Step(string path, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            throw Error(path, node, "expected a phase (name, instructor, assistant, prompt) or a composed phase (cycle, repeat, phases).");
        }

        if (Get(map, "cycle") is not null)
        {
            var phases = Phases(path, map).Select(child => Step(path, child).Phase ?? throw Error(path, child, "a composed phase holds simple phases only.")).ToList();
            return new ChainStep(null, phases, Int(path, map, "repeat", 1), Text(path, map, "stop-when", required: false));
        }

        return ChainStep.Single(new PhaseSpec(
            Text(path, map, "name")!,
            Text(path, map, "instructor")!,
            Text(path, map, "assistant")!,
            Text(path, map, "prompt")!,
            Int(path, map, "turns", 10),
            Text(path, map, "output", required: false),
            Text(path, map, "reflect", required: false) is not "false"));
    }

    private static string? Text(string path, YamlMappingNode map, string key, bool required = true) =>
        Get(map, key) switch
        {
            YamlScalarNode { Value: { Length: > 0 } text } => text,
            null when !required => null,
            null => throw Error(path, map, $"expected '{key}'."),
            var node => throw Error(path, node, $"expected '{key}' to be text."),
        };

    private static int Int(string path, YamlMappingNode map, string key, int fallback)
    {
        var node = Get(map, key);
        if (node is null)
        {
            return fallback;
        }

        return node is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw Error(path, node, $"expected '{key}' to be a whole number of at least 1.");
    }

    private static YamlNode? Get(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static ChatChainFileException Error(string path, YamlNode node, string message) => new($"{path}:{node.Start.Line}:{node.Start.Column}: {message}");
}
