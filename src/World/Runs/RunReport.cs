using System.Globalization;
using System.Text;
using Agents.World.Events;
using MessagePack;

namespace Agents.World.Runs;

/// <summary>Reads a run folder's database into a <see cref="RunSummary"/>.</summary>
public static class RunReport
{
    /// <summary>Summarises the run in <paramref name="folderPath"/>.</summary>
    public static RunSummary Read(string folderPath)
    {
        var folder = RunFolder.OpenExisting(folderPath);
        using var connection = EventLog.OpenReadOnly(folder.Database);
        string Meta(string key) => EventLog.ReadMeta(connection, key) ?? "";

        var lastStep = long.TryParse(Meta("last_step"), CultureInfo.InvariantCulture, out var l) ? l : -1;
        var stepSeconds = double.TryParse(Meta("step_seconds"), CultureInfo.InvariantCulture, out var s) ? s : 10;
        var start = DateTime.TryParse(Meta("start"), CultureInfo.InvariantCulture, out var t) ? t : default;
        var steps = lastStep + 1;

        var agents = new SortedDictionary<int, string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, name FROM entities WHERE kind = 'agent' ORDER BY id";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                agents[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        var byKind = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT kind, COUNT(*) FROM events GROUP BY kind";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                byKind[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        // Time in each place: from each agent's "enter" events to the next one (or the end of the run).
        var stepsIn = agents.Keys.ToDictionary(id => id, _ => new Dictionary<string, long>(StringComparer.Ordinal));
        var current = new Dictionary<int, (string Place, long Since)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT step, entity, payload FROM events WHERE kind = $kind ORDER BY seq";
            command.Parameters.AddWithValue("$kind", EventKinds.Enter);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var step = reader.GetInt64(0);
                var entity = reader.GetInt32(1);
                var place = MessagePackSerializer.Deserialize<PlaceEntered>((byte[])reader.GetValue(2), Simulation.ComponentRegistry.ReadOptions).Place;
                if (!stepsIn.TryGetValue(entity, out var tally))
                {
                    continue;
                }

                if (current.TryGetValue(entity, out var was))
                {
                    Add(tally, was.Place, step - was.Since);
                }

                current[entity] = (place, step);
            }
        }

        foreach (var (entity, (place, since)) in current)
        {
            Add(stepsIn[entity], place, steps - since);
        }

        var time = agents.Select(a => new AgentTime(
                a.Value,
                stepsIn[a.Key]
                    .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => new PlaceTime(p.Key.Length == 0 ? "(street)" : p.Key, TimeSpan.FromSeconds(p.Value * stepSeconds)))
                    .ToList()))
            .ToList();
        return new RunSummary(
            Meta("name"),
            Meta("seed"),
            steps,
            start,
            start + TimeSpan.FromSeconds(steps * stepSeconds),
            Meta("hash"),
            byKind,
            time);
    }

    private static void Add(Dictionary<string, long> tally, string place, long steps) =>
        tally[place] = tally.GetValueOrDefault(place) + steps;
}

/// <summary>A run in figures: what <c>agents report</c> prints and report.md holds.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Steps">Steps committed.</param>
/// <param name="Start">Game time at the start.</param>
/// <param name="End">Game time reached.</param>
/// <param name="Hash">Event log hash, when the run finished.</param>
/// <param name="EventsByKind">Event counts by kind.</param>
/// <param name="TimeByAgent">Where each agent spent its time, most first.</param>
public sealed record RunSummary(
    string Name,
    string Seed,
    long Steps,
    DateTime Start,
    DateTime End,
    string Hash,
    IReadOnlyDictionary<string, long> EventsByKind,
    IReadOnlyList<AgentTime> TimeByAgent)
{
    /// <summary>The summary as Markdown.</summary>
    public string ToMarkdown(string? hash = null)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Run report: {Name}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Seed: {Seed}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Steps: {Steps} ({Start:yyyy-MM-dd HH:mm} to {End:yyyy-MM-dd HH:mm} game time)");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Agents: {TimeByAgent.Count}");
        if (!string.IsNullOrEmpty(hash ?? Hash))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- Event log hash: `{hash ?? Hash}`");
        }

        md.AppendLine();
        md.AppendLine("## Events by kind");
        md.AppendLine();
        md.AppendLine("| kind | events |");
        md.AppendLine("| --- | ---: |");
        foreach (var (kind, count) in EventsByKind)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {count} |");
        }

        md.AppendLine();
        md.AppendLine("## Where each agent spent its time");
        md.AppendLine();
        md.AppendLine("| agent | places (most time first) |");
        md.AppendLine("| --- | --- |");
        foreach (var agent in TimeByAgent)
        {
            var places = string.Join(", ", agent.Places.Take(5).Select(p => $"{p.Place} {FormatSpan(p.Time)}"));
            md.AppendLine(CultureInfo.InvariantCulture, $"| {agent.Agent} | {places} |");
        }

        return md.ToString();
    }

    /// <summary>Formats a span as hours and minutes ("3h 20m").</summary>
    public static string FormatSpan(TimeSpan span) =>
        span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h {span.Minutes:D2}m")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m");
}

/// <summary>Where one agent spent its time.</summary>
/// <param name="Agent">The agent's name.</param>
/// <param name="Places">Time per place, most first.</param>
public sealed record AgentTime(string Agent, IReadOnlyList<PlaceTime> Places);

/// <summary>Time spent in one place.</summary>
/// <param name="Place">sector:arena, or "(street)".</param>
/// <param name="Time">Game time spent there.</param>
public sealed record PlaceTime(string Place, TimeSpan Time);
