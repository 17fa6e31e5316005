using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Agents.World.Scenarios;

/// <summary>
/// Loads scenario files (YAML; the format is described in scenarios/README.md) into a validated <see cref="Scenario"/>.
/// Every problem of a file is collected before anything is thrown: a <see cref="ScenarioException"/> lists them all,
/// each with its file, 1-based line and column, what was expected and what was found. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// The format (snake_case keys; <c>name</c>, <c>start</c>, <c>map</c> and <c>agents</c> are required):
/// <code>
/// name: Smallville
/// seed: 42                     # default 0
/// start: 2023-02-13 00:00      # date-time, seconds optional, 'T' or a space
/// step: 10s                    # default 10s; durations 10s, 5m, 2h, 1d, 1h30m
/// duration: 2d                 # default 1d
/// snapshot_every: 360          # steps, default 360
/// map:
///   legend: { '#': wall, '.': floor, '~': { kind: water, walkable: false } }   # wall and water block by default
///   grid: |                    # or  file: maps/town.txt  or  tiled: maps/town.tmj (no legend)
///     #####
///     #...#
///     #####
/// places:
///   - sector: Hobbs Cafe
///     area: [x, y, width, height]
///     arenas:
///       - name: cafe
///         area: [x, y, width, height]
///         objects: [ { name: counter, at: [x, y], state: idle } ]
/// agents:
///   - name: Isabella Rodriguez
///     age: 34
///     traits: [friendly, outgoing]
///     lifestyle: goes to bed around 11pm, wakes up around 6am
///     home: Isabella's Apartment:bedroom      # sector:arena[:object]
///     position: [x, y]                        # optional
///     situation: ...
///     memories: [ "...", "..." ]
///     routine: [ { at: "08:00", do: open the cafe, place: "Hobbs Cafe:cafe:counter" } ]
/// mind: { kind: scripted }     # or { kind: model, model: models/default } or { kind: endpoint, endpoint: http://..., model: name, api_key_env: VAR }
/// memory: { recency_weight: 1, importance_weight: 1, relevance_weight: 1, recency_decay: 0.99, top_k: 30, reflection_threshold: 150, embedding_dimension: 256 }
/// perception: { vision_radius: 4, attention: 3, retention: 5 }
/// metrics:
///   - { kind: information_diffusion, name: mayor, fact: "...", keywords: [mayor, election] }
///   - { kind: relationship_density }
///   - { kind: attendance, name: party, place: Hobbs Cafe, from: 2023-02-14 17:00, to: 2023-02-14 19:00, agents: [...] }
/// </code>
/// </remarks>
public static class ScenarioLoader
{
    /// <summary>Reads and validates the scenario file at <paramref name="path"/>; relative map files resolve against its folder.</summary>
    /// <exception cref="ScenarioException">The file is missing or unreadable, or has errors.</exception>
    public static Scenario Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new ScenarioException([new ScenarioError(path, 0, 0, "expected a scenario file (YAML), found a folder")]);
        }

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
