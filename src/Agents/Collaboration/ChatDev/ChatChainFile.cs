using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Agents.Collaboration.ChatDev;

/// <summary>
/// Reads a chat chain from YAML: <c>roles</c> (name: system prompt) and <c>phases</c>, each either a phase (name,
/// instructor, assistant, prompt, turns, output, reflect, writes-code, runs-tests, completes-code, writes-file) or a composed phase (cycle, repeat,
/// stop-when, phases). Unknown keys are errors (a misspelt key would otherwise be silently ignored). Errors name the
/// file, line and column. Stateless and thread-safe.
/// </summary>
public static partial class ChatChainFile
{
    private static readonly string[] Reserved = ["task", ChatChain.CodesArtifact, ChatChain.TestReportsArtifact, ChatChain.UnimplementedArtifact, ChatChain.BuiltinsArtifact];

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

        Known(path, root, "name", "roles", "phases");
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Get(root, "roles") is { } rolesNode)
        {
            if (rolesNode is not YamlMappingNode map)
            {
                throw Error(path, rolesNode, "expected roles as a mapping of role name to system prompt.");
            }

            foreach (var (key, value) in map.Children)
            {
                var name = (key as YamlScalarNode)?.Value is { Length: > 0 } text ? text : throw Error(path, key, "expected a role name.");
                roles[name] = (value as YamlScalarNode)?.Value ?? throw Error(path, value, "expected the role's system prompt as text.");
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
            Known(path, map, "cycle", "repeat", "stop-when", "phases");
            var phases = Phases(path, map).Select(child => Step(path, child).Phase ?? throw Error(path, child, "a composed phase holds simple phases only.")).ToList();
            return new ChainStep(null, phases, Int(path, map, "repeat", 1), Text(path, map, "stop-when", required: false));
        }

        Known(path, map, "name", "instructor", "assistant", "prompt", "turns", "output", "reflect", "writes-code", "runs-tests", "completes-code", "writes-file");
        var document = Text(path, map, "writes-file", required: false);
        if (document is not null)
        {
            var place = Get(map, "writes-file")!;
            if (!DocumentName().IsMatch(document) || document.EndsWith(".mini", StringComparison.OrdinalIgnoreCase))
            {
                throw Error(path, place, $"expected 'writes-file' to be a document's file name such as requirements.txt or manual.md (a letter first, no folder, not a .mini file); found '{document}'.");
            }

            if (Bool(path, map, "writes-code", false))
            {
                throw Error(path, place, "a phase writes code (writes-code) or one document (writes-file), not both.");
            }

            if (Reserved.Contains(ChatChain.DocumentArtifact(document)))
            {
                throw Error(path, place, $"the document {document} would be read as {{{ChatChain.DocumentArtifact(document)}}}, which the chain keeps for itself ({string.Join(", ", Reserved.Select(r => $"{{{r}}}"))}); give it another name.");
            }
        }

        return ChainStep.Single(new PhaseSpec(
            Text(path, map, "name")!,
            Text(path, map, "instructor")!,
            Text(path, map, "assistant")!,
            Text(path, map, "prompt")!,
            Int(path, map, "turns", 10),
            Text(path, map, "output", required: false),
            Bool(path, map, "reflect", true),
            Bool(path, map, "writes-code", false),
            Bool(path, map, "runs-tests", false),
            Bool(path, map, "completes-code", false),
            document));
    }

    private static bool Bool(string path, YamlMappingNode map, string key, bool fallback) =>
        Get(map, key) switch
        {
            null => fallback,
            YamlScalarNode { Value: "true" } => true,
            YamlScalarNode { Value: "false" } => false,
            var node => throw Error(path, node, $"expected '{key}' to be true or false; found '{(node as YamlScalarNode)?.Value}'."),
        };

    private static void Known(string path, YamlMappingNode map, params string[] keys)
    {
        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } name } || !keys.Contains(name, StringComparer.Ordinal))
            {
                throw Error(path, key, $"unknown key '{(key as YamlScalarNode)?.Value}'; expected one of {string.Join(", ", keys)}.");
            }
        }
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

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_\-]*\.[A-Za-z0-9]+$")]
    private static partial Regex DocumentName();

    private static ChatChainFileException Error(string path, YamlNode node, string message) => new($"{path}:{node.Start.Line}:{node.Start.Column}: {message}");
}
