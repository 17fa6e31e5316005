using YamlDotNet.RepresentationModel;

namespace Agents.World.Scenarios;

/// <summary>Reads the <c>metrics</c> section: information diffusion, relationship density and attendance.</summary>
internal static class MetricsSectionReader
{
    private static readonly string[] MetricKeys = ["kind", "name", "fact", "keywords", "place", "from", "to", "agents"];

    /// <summary>The keys that each kind accepts besides kind and name.</summary>
    private static readonly Dictionary<string, string[]> KeysOfKind = new()
    {
        [MetricKinds.InformationDiffusion] = ["fact", "keywords", "agents"],
        [MetricKinds.RelationshipDensity] = ["agents"],
        [MetricKinds.Attendance] = ["place", "from", "to", "agents"],
    };

    public static IReadOnlyList<MetricDraft> Read(YamlSequenceNode metrics, ErrorSink errors)
    {
        var drafts = new List<MetricDraft>();
        foreach (var (node, index) in metrics.Children.Select((n, i) => (n, i)))
        {
            var context = $"metrics[{index}]";
            if (node is not YamlMappingNode mapping)
            {
                errors.Add(node.Start, $"{context}: expected a metric like {{ kind: relationship_density }}, found {YamlText.Describe(node)}");
                continue;
            }

            var reader = new MappingReader(mapping, context, MetricKeys, errors);
            var kind = reader.String("kind", required: true, expected: $"one of {string.Join(", ", MetricKinds.All)}")?.Trim();
            var name = reader.String("name")?.Trim();
            var fact = reader.String("fact");
            var keywords = reader.StringList("keywords", splitCommas: true) ?? [];
            var place = reader.String("place")?.Trim();
            var from = reader.DateTime("from");
            var to = reader.DateTime("to");
            var agents = ReadAgentNames(reader, errors);
            if (kind is null)
            {
                continue;
            }

            if (!KeysOfKind.TryGetValue(kind, out var allowed))
            {
                var suggestion = KeySuggestions.Closest(kind, MetricKinds.All);
                var hint = suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?";
                errors.Add(reader.MarkOf("kind"), $"{context}.kind: expected one of {string.Join(", ", MetricKinds.All)}, found {YamlText.Quote(kind)}{hint}");
                continue;
            }

            foreach (var key in MetricKeys.Except(["kind", "name"]).Except(allowed).Where(reader.Has))
            {
                errors.Add(reader.KeyMarkOf(key), $"{context}.{key}: not used by a {kind} metric; expected only {string.Join(", ", allowed.Prepend("name").Prepend("kind"))}");
            }

            CheckKind(reader, kind, fact, keywords, place, from, to);
            name ??= kind;
            if (drafts.FirstOrDefault(d => d.Name == name) is not null)
            {
                errors.Add(reader.Has("name") ? reader.MarkOf("name") : reader.MarkOf("kind"), $"{context}.name: expected a unique metric name, found '{name}' twice (name the metrics apart)");
                continue;
            }

            drafts.Add(new MetricDraft(kind, name, fact, keywords, place, reader.MarkOf("place"), from, to, agents));
        }

        return drafts;
    }

    private static void CheckKind(MappingReader reader, string kind, string? fact, IReadOnlyList<string> keywords, string? place, DateTime? from, DateTime? to)
    {
        var errors = reader.Errors;
        var context = reader.Context;
        if (kind == MetricKinds.InformationDiffusion)
        {
            if (fact is null && !reader.Has("fact"))
            {
                errors.Add(reader.Node.Start, $"{context}: missing required key 'fact' (expected the fact whose spread is measured)");
            }

            if (keywords.Count == 0 && !reader.Has("keywords"))
            {
                errors.Add(reader.Node.Start, $"{context}: missing required key 'keywords' (expected the words that show an agent knows the fact)");
            }
        }
        else if (kind == MetricKinds.Attendance)
        {
            foreach (var (key, value, expected) in new[]
                     {
                         ("place", (object?)place, "the address of the event's place"),
                         ("from", from, ScenarioValues.DateTimeForms),
                         ("to", to, ScenarioValues.DateTimeForms),
                     })
            {
                if (value is null && !reader.Has(key))
                {
                    errors.Add(reader.Node.Start, $"{context}: missing required key '{key}' (expected {expected})");
                }
            }

            if (from is not null && to is not null && to <= from)
            {
                errors.Add(reader.MarkOf("to"), $"{context}.to: expected a time after from ({from:yyyy-MM-dd HH:mm}), found {to:yyyy-MM-dd HH:mm}");
            }
        }
    }

    private static List<(string, YamlDotNet.Core.Mark)> ReadAgentNames(MappingReader reader, ErrorSink errors)
    {
        var names = new List<(string, YamlDotNet.Core.Mark)>();
        var node = reader.Value("agents", required: false, "a list of agent names");
        switch (node)
        {
            case null:
                break;
            case YamlSequenceNode sequence:
                foreach (var (item, index) in sequence.Children.Select((n, i) => (n, i)))
                {
                    if (item is YamlScalarNode { Value: { } name } && !YamlText.IsNull(item))
                    {
                        names.Add((name.Trim(), item.Start));
                    }
                    else
                    {
                        errors.Add(item.Start, $"{reader.Context}.agents[{index}]: expected an agent's name, found {YamlText.Describe(item)}");
                    }
                }

                break;
            default:
                errors.Add(node.Start, $"{reader.Context}.agents: expected a list of agent names, found {YamlText.Describe(node)}");
                break;
        }

        return names;
    }
}
