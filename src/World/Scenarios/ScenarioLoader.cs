using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Agents.World.Scenarios;

/// <summary>
/// Loads scenario files (YAML; the format is described in scenarios/README.md) into a validated <see cref="Scenario"/>.
/// Every problem of a file is collected before anything is thrown: a <see cref="ScenarioException"/> lists them all,
/// each with its file, 1-based line and column, what was expected and what was found. Stateless and thread-safe.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Reads and validates the scenario file at <paramref name="path"/>; relative map files resolve against its folder.</summary>
    /// <exception cref="ScenarioException">The file is missing or unreadable, or has errors.</exception>
    public static Scenario Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var found = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            throw new ScenarioException([new ScenarioError(path, 0, 0, $"expected a readable scenario file (YAML), found {found}")], e);
        }

        return Parse(text, path);
    }

    /// <summary>
    /// Validates scenario text. <paramref name="path"/> names the file in errors and is the base for relative map
    /// files (its folder; the current folder when it has none).
    /// </summary>
    /// <exception cref="ScenarioException">The text has errors.</exception>
    public static Scenario Parse(string yaml, string path)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(path);
        var source = new ScenarioSource(path, yaml);
        var errors = new ErrorSink(path, source.Lines);
        var root = ReadRoot(source, errors);
        Scenario? scenario = null;
        if (root is not null)
        {
            var draft = ScenarioReader.Read(root, source, errors);
            scenario = new ScenarioBuilder(draft, source, errors).Build();
        }

        if (errors.Count > 0 || scenario is null)
        {
            if (errors.Count == 0)
            {
                errors.Add(path, 0, 0, "expected a complete scenario, found one that could not be built");
            }

            throw new ScenarioException(errors.Sorted());
        }

        return scenario;
    }

    private static YamlMappingNode? ReadRoot(ScenarioSource source, ErrorSink errors)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(source.Text));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException e)
        {
            errors.Add(e.Start, $"malformed YAML: {Describe(e)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way on some truncated input (an unclosed flow list at the end).
            errors.Add(scanner.CurrentPosition, $"malformed YAML: expected the value to be closed, found the end of the text");
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            errors.Add(source.Path, 1, 1, "expected a scenario (a mapping with name, start, map, agents...), found an empty file");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            errors.Add(stream.Documents[1].RootNode.Start, $"expected one YAML document, found {stream.Documents.Count}");
        }

        var root = stream.Documents[0].RootNode;
        if (root is YamlMappingNode mapping)
        {
            return mapping;
        }

        errors.Add(root.Start, $"expected a scenario (a mapping with name, start, map, agents...), found {YamlText.Describe(root)}");
        return null;
    }

    /// <summary>YamlDotNet's message without its own "(Line: .., Col: ..)" prefix, which the error already carries.</summary>
    private static string Describe(YamlException e)
    {
        var message = e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && cut > 0)
        {
            message = message[(cut + 3)..];
        }

        return message.Trim();
    }
}
