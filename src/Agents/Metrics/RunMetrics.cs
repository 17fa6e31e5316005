using System.Globalization;
using Agents.World.Events;
using Agents.World.Scenarios;
using MessagePack;
using Microsoft.Data.Sqlite;

namespace Agents.Metrics;

/// <summary>Computes a run's metrics from its database (memories, events, usage) and its scenario copy. Read-only.</summary>
public static class RunMetrics
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff";

    /// <summary>True when the run folder's database holds memories (a cognition run).</summary>
    public static bool HasMemories(string folder)
    {
        using var connection = EventLog.OpenReadOnly(Path.Combine(folder, "run.sqlite"));
        return Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'memories'") > 0;
    }

    /// <summary>Reads the metrics of the run in <paramref name="folder"/>.</summary>
    public static MetricsReport Read(string folder)
    {
        using var connection = EventLog.OpenReadOnly(Path.Combine(folder, "run.sqlite"));
        var scenarioPath = EventLog.ReadMeta(connection, "scenario") ?? throw new InvalidDataException($"{folder}: not a run folder (no scenario entry).");
        var scenario = ScenarioLoader.Load(Path.Combine(folder, scenarioPath));
        var start = scenario.Start;
        var lastStep = long.Parse(EventLog.ReadMeta(connection, "last_step") ?? "-1", CultureInfo.InvariantCulture);
        var end = start + (scenario.Step * (lastStep + 1));
        var names = scenario.Agents.Select(a => a.Name).ToList();
        var memories = ReadMemories(connection);
        var hours = Hours(start, end);

        var diffusion = new List<DiffusionMetric>();
        var density = (DensityMetric?)null;
        var attendance = new List<AttendanceMetric>();
        foreach (var spec in scenario.Metrics)
        {
            switch (spec.Kind)
            {
                case MetricKinds.InformationDiffusion:
                    diffusion.Add(Diffuse(spec, names, memories, hours));
                    break;
                case MetricKinds.RelationshipDensity:
                    density = Density(names, memories, hours);
                    break;
                case MetricKinds.Attendance:
                    attendance.Add(Attend(connection, spec, scenario, memories));
                    break;
            }
        }

        var agentHours = names.Count * (end - start).TotalHours;
        return new MetricsReport(start, end, names.Count, diffusion, density, attendance, Usage(connection, agentHours));
    }

    private sealed record Row(string Owner, string Kind, string Text, DateTime Created, bool Perceived);

    private static List<Row> ReadMemories(SqliteConnection connection)
    {
        var rows = new List<Row>();
        if (Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'memories'") == 0)
        {
            return rows;
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT owner, kind, text, created, subject FROM memories ORDER BY id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var created = DateTime.ParseExact(reader.GetString(3), TimeFormat, CultureInfo.InvariantCulture);
            rows.Add(new Row(reader.GetString(0), reader.GetString(1), reader.GetString(2), created, !reader.IsDBNull(4)));
        }

        return rows;
    }

    private static List<DateTime> Hours(DateTime start, DateTime end)
    {
        var hours = new List<DateTime>();
        for (var t = start; t < end; t = t.AddHours(1))
        {
            hours.Add(t);
        }

        hours.Add(end);
        return hours;
    }

    private static bool Mentions(string text, IReadOnlyList<string> keywords) =>
        keywords.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase));

    private static DiffusionMetric Diffuse(MetricSpec spec, List<string> names, List<Row> memories, List<DateTime> hours)
    {
        var holders = new List<FactHolder>();
        foreach (var name in names)
        {
            var first = memories.FirstOrDefault(m => m.Owner == name && Mentions(m.Text, spec.Keywords));
            if (first is not null)
            {
                holders.Add(new FactHolder(name, first.Created, first.Text));
            }
        }

        holders.Sort((a, b) => a.Since != b.Since ? a.Since.CompareTo(b.Since) : string.CompareOrdinal(a.Agent, b.Agent));
        var series = hours.Select(t => new SeriesPoint(t, names.Count == 0 ? 0 : (double)holders.Count(h => h.Since <= t) / names.Count)).ToList();
        return new DiffusionMetric(spec.Name, spec.Fact ?? spec.Name, names.Count, series, holders);
    }

    private static DensityMetric Density(List<string> names, List<Row> memories, List<DateTime> hours)
    {
        var since = new Dictionary<(int, int), DateTime>();
        foreach (var m in memories)
        {
            // A sighting ("Sam Moore is walking") is not knowing someone; seed memories, talks and thoughts are.
            if (m.Perceived)
            {
                continue;
            }

            var owner = names.IndexOf(m.Owner);
            for (var j = 0; j < names.Count; j++)
            {
                if (j != owner && owner >= 0 && m.Text.Contains(names[j], StringComparison.Ordinal))
                {
                    var key = owner < j ? (owner, j) : (j, owner);
                    if (!since.TryGetValue(key, out var t) || m.Created < t)
                    {
                        since[key] = m.Created;
                    }
                }
            }
        }

        var pairs = names.Count * (names.Count - 1) / 2.0;
        var series = hours.Select(t => new SeriesPoint(t, pairs == 0 ? 0 : since.Values.Count(s => s <= t) / pairs)).ToList();
        return new DensityMetric(series, since.Count);
    }

    private static AttendanceMetric Attend(SqliteConnection connection, MetricSpec spec, Scenario scenario, List<Row> memories)
    {
        var place = spec.Place?.ToString() ?? string.Empty;
        var from = spec.From ?? scenario.Start;
        var to = spec.To ?? scenario.End;
        var invited = spec.Agents.Count > 0 ? spec.Agents : scenario.Agents.Select(a => a.Name).ToList();
        var ids = new Dictionary<int, string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT id, name FROM entities WHERE kind = 'agent'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        var here = new Dictionary<string, string>(StringComparer.Ordinal);
        var attended = new HashSet<string>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT time, entity, payload FROM events WHERE kind = $kind AND time <= $to ORDER BY seq";
            command.Parameters.AddWithValue("$kind", EventKinds.Enter);
            command.Parameters.AddWithValue("$to", EventLog.FormatTime(to));
            using var reader = command.ExecuteReader();
            var fromText = EventLog.FormatTime(from);
            var checkedStart = false;
            while (reader.Read())
            {
                var time = reader.GetString(0);
                if (!checkedStart && string.CompareOrdinal(time, fromText) >= 0)
                {
                    Mark(here, attended, place);
                    checkedStart = true;
                }

                if (!ids.TryGetValue(reader.GetInt32(1), out var name))
                {
                    continue;
                }

                here[name] = MessagePackSerializer.Deserialize<PlaceEntered>((byte[])reader.GetValue(2), World.Simulation.ComponentRegistry.ReadOptions).Place;
                if (checkedStart)
                {
                    Mark(here, attended, place);
                }
            }

            if (!checkedStart && scenario.Start + (scenario.Step * (Scalar(connection, "SELECT COALESCE(MAX(step), 0) FROM events") + 1)) >= from)
            {
                Mark(here, attended, place);
            }
        }

        var keywords = scenario.Metrics
            .Where(m => m.Kind == MetricKinds.InformationDiffusion && m.Fact is not null && m.Fact.Contains(place, StringComparison.OrdinalIgnoreCase))
            .SelectMany(m => m.Keywords).DefaultIfEmpty(place).ToList();
        var knew = invited.Where(a => memories.Any(m => m.Owner == a && m.Created <= from && Mentions(m.Text, keywords))).ToList();
        var came = invited.Where(attended.Contains).ToList();
        return new AttendanceMetric(spec.Name, place, from, to, invited, came, [.. came.Where(knew.Contains)]);
    }

    private static void Mark(Dictionary<string, string> here, HashSet<string> attended, string place)
    {
        foreach (var (agent, where) in here)
        {
            if (where.Length > 0 && (where == place || where.StartsWith(place + ":", StringComparison.Ordinal)))
            {
                attended.Add(agent);
            }
        }
    }

    private static UsageMetric Usage(SqliteConnection connection, double agentHours)
    {
        var byDecision = new SortedDictionary<string, (long, long, long)>(StringComparer.Ordinal);
        long decisions = 0, fallbacks = 0, calls = 0, prompt = 0, completion = 0;
        if (Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'cognition_usage'") > 0)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT decision, SUM(decisions), SUM(fallbacks), SUM(calls), SUM(prompt_tokens), SUM(completion_tokens) FROM cognition_usage GROUP BY decision";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                byDecision[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
                decisions += reader.GetInt64(1);
                fallbacks += reader.GetInt64(2);
                calls += reader.GetInt64(3);
                prompt += reader.GetInt64(4);
                completion += reader.GetInt64(5);
            }
        }

        return new UsageMetric(decisions, fallbacks, calls, prompt, completion, agentHours, byDecision);
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
