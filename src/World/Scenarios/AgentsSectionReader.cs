using YamlDotNet.RepresentationModel;

namespace Agents.World.Scenarios;

/// <summary>Reads the <c>agents</c> section: personas, homes, start positions, seed memories and routines.</summary>
internal static class AgentsSectionReader
{
    private static readonly string[] AgentKeys =
        ["name", "age", "traits", "lifestyle", "home", "position", "situation", "memories", "routine"];

    private static readonly string[] RoutineKeys = ["at", "do", "place"];

    private const string AddressForm = "an address sector:arena[:object]";

    public static IReadOnlyList<AgentDraft> Read(YamlSequenceNode agents, ErrorSink errors)
    {
        var drafts = new List<AgentDraft>();
        var seen = new Dictionary<string, AgentDraft>(StringComparer.Ordinal);
        if (agents.Children.Count == 0)
        {
            errors.Add(agents.Start, "agents: expected at least one agent, found an empty list");
        }

        foreach (var (node, index) in agents.Children.Select((n, i) => (n, i)))
        {
            var context = $"agents[{index}]";
            if (node is not YamlMappingNode mapping)
            {
                errors.Add(node.Start, $"{context}: expected an agent (a mapping with name, age, home...), found {YamlText.Describe(node)}");
                continue;
            }

            var reader = new MappingReader(mapping, context, AgentKeys, errors);
            var name = reader.String("name", required: true, expected: "the agent's name")?.Trim();
            if (name is { Length: 0 })
            {
                errors.Add(reader.MarkOf("name"), $"{context}.name: expected the agent's name, found a blank text");
                name = null;
            }

            var draft = new AgentDraft(
                name,
                reader.MarkOf("name"),
                reader.Int("age", min: 0, max: 200, required: true),
                reader.StringList("traits", splitCommas: true) ?? [],
                reader.String("lifestyle") ?? string.Empty,
                reader.String("home", required: true, expected: AddressForm),
                reader.MarkOf("home"),
                reader.Ints("position", 2, "a tile [x, y]"),
                reader.MarkOf("position"),
                reader.String("situation") ?? string.Empty,
                reader.StringList("memories", splitCommas: false) ?? [],
                ReadRoutine(reader, errors));

            if (name is not null && seen.TryGetValue(name, out var first))
            {
                errors.Add(reader.MarkOf("name"), $"{context}.name: duplicate agent name '{name}' (first declared at line {first.At.Line}); expected unique names");
                continue;
            }

            if (name is not null)
            {
                seen[name] = draft;
            }

            drafts.Add(draft);
        }

        return drafts;
    }

    private static List<RoutineDraft> ReadRoutine(MappingReader agent, ErrorSink errors)
    {
        var routine = new List<RoutineDraft>();
        var node = agent.Sequence("routine", expected: "a list of { at, do, place } items");
        if (node is null)
        {
            return routine;
        }

        foreach (var (item, index) in node.Children.Select((n, i) => (n, i)))
        {
            var context = $"{agent.Context}.routine[{index}]";
            if (item is not YamlMappingNode mapping)
            {
                errors.Add(item.Start, $"{context}: expected {{ at: \"08:00\", do: an activity, place: sector:arena }}, found {YamlText.Describe(item)}");
                continue;
            }

            var reader = new MappingReader(mapping, context, RoutineKeys, errors);
            var at = reader.Time("at", required: true);
            var activity = reader.String("do", required: true, expected: "the activity, such as 'eat breakfast'");
            var place = reader.String("place", required: true, expected: AddressForm);
            if (at is null || activity is null || place is null)
            {
                continue;
            }

            if (routine.FirstOrDefault(r => r.At == at) is { } clash)
            {
                errors.Add(reader.MarkOf("at"), $"{context}.at: expected each time once in a routine, found {at:HH:mm} again (also '{clash.Activity}')");
                continue;
            }

            routine.Add(new RoutineDraft(at.Value, activity.Trim(), place.Trim(), reader.MarkOf("place")));
        }

        routine.Sort((a, b) => a.At.CompareTo(b.At));
        return routine;
    }
}
