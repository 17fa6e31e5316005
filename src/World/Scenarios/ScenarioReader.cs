using YamlDotNet.RepresentationModel;

namespace Agents.World.Scenarios;

/// <summary>Reads the top-level mapping of a scenario file into a draft, reporting every problem it finds.</summary>
internal static class ScenarioReader
{
    /// <summary>Default steps between snapshots: one game hour at 10 s per step.</summary>
    public const int DefaultSnapshotEvery = 360;

    private static readonly string[] TopKeys =
    [
        "name", "seed", "start", "step", "duration", "snapshot_every", "map", "places", "agents",
        "mind", "memory", "perception", "metrics",
    ];

    private static readonly string[] MindKeys = ["kind", "model", "endpoint", "api_key_env", "temperature", "call_budget"];

    private static readonly string[] MemoryKeys =
    [
        "recency_weight", "importance_weight", "relevance_weight", "recency_decay", "top_k", "reflection_threshold",
        "embedding_dimension",
    ];

    private static readonly string[] PerceptionKeys = ["vision_radius", "attention", "retention"];

    public static ScenarioDraft Read(YamlMappingNode root, ScenarioSource source, ErrorSink errors)
    {
        var top = new MappingReader(root, string.Empty, TopKeys, errors);
        var name = top.String("name", required: true, expected: "the scenario's name");
        var seed = top.Int("seed") ?? 0;
        var start = top.DateTime("start", required: true);
        var step = top.Duration("step") ?? TimeSpan.FromSeconds(10);
        var duration = top.Duration("duration") ?? TimeSpan.FromDays(1);
        var snapshotEvery = top.Int("snapshot_every", min: 1) ?? DefaultSnapshotEvery;

        var referenced = new List<string>();
        var mapNode = top.Mapping("map", required: true, expected: "a mapping with a legend and a grid, a file or a tiled map");
        var map = mapNode is null ? null : MapSectionReader.Read(new MappingReader(mapNode, "map", MapSectionReader.Keys, errors), source, referenced);

        var placesNode = top.Sequence("places", expected: "a list of sectors");
        var sectors = placesNode is null ? [] : PlacesSectionReader.Read(placesNode, errors);

        var agentsNode = top.Sequence("agents", required: true, expected: "a list of agents");
        var agents = agentsNode is null ? [] : AgentsSectionReader.Read(agentsNode, errors);

        var mind = ReadMind(top, errors);
        var memory = ReadMemory(top, errors);
        var perception = ReadPerception(top, errors);

        var metricsNode = top.Sequence("metrics", expected: "a list of metrics");
        var metrics = metricsNode is null ? [] : MetricsSectionReader.Read(metricsNode, errors);

        return new ScenarioDraft(
            name, seed, start, step, duration, snapshotEvery, map, placesNode is not null, sectors, agents, mind, memory,
            perception, metrics, referenced);
    }

    private static MindSpec? ReadMind(MappingReader top, ErrorSink errors)
    {
        var node = top.Mapping("mind", expected: "a mapping like { kind: scripted }");
        if (node is null)
        {
            return top.Has("mind") ? null : MindSpec.Scripted;
        }

        var mind = new MappingReader(node, "mind", MindKeys, errors);
        var kind = mind.String("kind", required: true, expected: $"one of {string.Join(", ", MindKinds.All)}");
        var model = mind.String("model");
        var endpoint = mind.String("endpoint");
        var apiKey = mind.String("api_key_env");
        var temperature = mind.Double("temperature", 0, 10, expected: "a number from 0 to 10") ?? MindSpec.DefaultTemperature;
        var budget = mind.Int("call_budget", min: 1);
        switch (kind)
        {
            case null:
                return null;
            case MindKinds.Scripted:
                return new MindSpec(kind, model, endpoint, apiKey, temperature, budget);
            case MindKinds.Model:
                if (model is null)
                {
                    errors.Add(mind.Node.Start, "mind: missing required key 'model' (expected the model folder, such as models/default)");
                }

                return new MindSpec(kind, model, endpoint, apiKey, temperature, budget);
            case MindKinds.Endpoint:
                if (endpoint is null)
                {
                    errors.Add(mind.Node.Start, "mind: missing required key 'endpoint' (expected an http:// or https:// address)");
                }
                else if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    errors.Add(mind.MarkOf("endpoint"), $"mind.endpoint: expected an http:// or https:// address, found {YamlText.Quote(endpoint)}");
                }

                if (model is null)
                {
                    errors.Add(mind.Node.Start, "mind: missing required key 'model' (expected the model name the endpoint serves)");
                }

                return new MindSpec(kind, model, endpoint, apiKey, temperature, budget);
            default:
                var suggestion = KeySuggestions.Closest(kind, MindKinds.All);
                var hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
                errors.Add(mind.MarkOf("kind"), $"mind.kind: expected one of {string.Join(", ", MindKinds.All)}, found {YamlText.Quote(kind)}{hint}");
                return null;
        }
    }

    private static MemorySpec ReadMemory(MappingReader top, ErrorSink errors)
    {
        var defaults = new MemorySpec();
        var node = top.Mapping("memory", expected: "a mapping of memory constants");
        if (node is null)
        {
            return defaults;
        }

        var memory = new MappingReader(node, "memory", MemoryKeys, errors);
        const string weight = "a number of at least 0";
        return new MemorySpec(
            memory.Double("recency_weight", 0, double.MaxValue, expected: weight) ?? defaults.RecencyWeight,
            memory.Double("importance_weight", 0, double.MaxValue, expected: weight) ?? defaults.ImportanceWeight,
            memory.Double("relevance_weight", 0, double.MaxValue, expected: weight) ?? defaults.RelevanceWeight,
            memory.Double("recency_decay", double.Epsilon, 1, expected: "a number greater than 0 and at most 1") ?? defaults.RecencyDecay,
            memory.Int("top_k", min: 1) ?? defaults.TopK,
            memory.Int("reflection_threshold", min: 1) ?? defaults.ReflectionThreshold,
            memory.Int("embedding_dimension", min: 1, max: 65_536) ?? defaults.EmbeddingDimension);
    }

    private static (int, int, int) ReadPerception(MappingReader top, ErrorSink errors)
    {
        const int defaultRadius = 4, defaultAttention = 3, defaultRetention = 5;
        var node = top.Mapping("perception", expected: "a mapping like { vision_radius: 4, attention: 3, retention: 5 }");
        if (node is null)
        {
            return (defaultRadius, defaultAttention, defaultRetention);
        }

        var perception = new MappingReader(node, "perception", PerceptionKeys, errors);
        return (
            perception.Int("vision_radius", min: 0, max: 1000) ?? defaultRadius,
            perception.Int("attention", min: 1, max: 1000) ?? defaultAttention,
            perception.Int("retention", min: 0, max: 1000) ?? defaultRetention);
    }
}
