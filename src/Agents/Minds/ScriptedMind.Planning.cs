using System.Globalization;
using Agents.Decisions;

namespace Agents.Minds;

/// <summary>The scripted mind's planning: day plans from habits and known events, schedules, tasks and places.</summary>
public sealed partial class ScriptedMind
{
    private static readonly string[] WorkWords = ["work", "shift", "teach", "class", "serve", "open", "office", "lecture", "patient", "clinic", "customers", "counter"];

    private static string DayPlan(PromptReader p, Random random)
    {
        var habits = p.List("Usual day").Select(Habits.Parse).Where(h => h is not null).Select(h => h!.Value).ToList();
        var routine = habits.Select(h => new World.Scenarios.RoutineItem(h.At, h.Activity, World.Map.Address.Parse(h.Place))).ToList();
        var plan = Habits.Broad(routine, 8).ToList();
        var date = DateOnly.TryParseExact(p.Field("Date") ?? string.Empty, "dddd MMMM d yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        if (date is { } today)
        {
            foreach (var line in p.List("Memories"))
            {
                var (_, text) = MemoryLines.Parse(line);
                if (ScriptedEvent.Find(text) is { } e && e.Month == today.Month && e.Day == today.Day && Allows(habits, e))
                {
                    plan = Insert(plan, e, random);
                    break;
                }
            }
        }

        while (plan.Count > 8)
        {
            plan.RemoveAt(Shortest(plan));
        }

        while (plan.Count < 5)
        {
            var last = plan.Count > 0 ? plan[^1].At : new TimeOnly(6, 0);
            var at = last.Hour < 22 ? new TimeOnly(last.Hour + 1, 0) : new TimeOnly(23, 30);
            plan.Add(new PlanItem(at, Pick(random, "rest at home", "tidy up at home", "read at home")));
            plan.Sort((a, b) => a.At.CompareTo(b.At));
        }

        return string.Join('\n', plan.Select(i => i.ToString()));
    }

    /// <summary>
    /// The schedule allows an event when what it would replace happens at home (where the day starts) or at the
    /// event's place, and is neither work nor sleep.
    /// </summary>
    private static bool Allows(List<(TimeOnly At, string Activity, string Place)> habits, ScriptedEvent e)
    {
        var home = habits.Count > 0 ? habits[0].Place.Split(':')[0] : string.Empty;
        for (var i = 0; i < habits.Count; i++)
        {
            var start = habits[i].At;
            var end = i + 1 < habits.Count ? habits[i + 1].At : new TimeOnly(23, 59);
            var overlaps = start < e.To && end > e.From;
            var atEvent = e.Place.Length > 0 && habits[i].Place.StartsWith(e.Place, StringComparison.OrdinalIgnoreCase);
            var text = habits[i].Activity.ToLowerInvariant();
            var atHome = habits[i].Place.Split(':')[0] == home;
            if (overlaps && !atEvent && (!atHome || text.Contains("sleep", StringComparison.Ordinal) || WorkWords.Any(w => text.Contains(w, StringComparison.Ordinal))))
            {
                return false;
            }
        }

        return true;
    }

    private static List<PlanItem> Insert(List<PlanItem> plan, ScriptedEvent e, Random random)
    {
        var after = PlanItem.InEffect(plan, e.To);
        var result = plan.Where(i => i.At < e.From || i.At > e.To).ToList();
        var verb = Pick(random, "go to", "attend", "join");
        var what = e.Place.Length > 0 ? $"{verb} the {e.Name} at {e.Place}" : $"{verb} the {e.Name}";
        result.Add(new PlanItem(e.From, what));
        if (after is not null && result.All(i => i.At != e.To))
        {
            result.Add(new PlanItem(e.To, after.Activity));
        }

        result.Sort((a, b) => a.At.CompareTo(b.At));
        return result;
    }

    private static int Shortest(List<PlanItem> plan)
    {
        var best = 1;
        var bestMinutes = double.MaxValue;
        for (var i = 1; i < plan.Count; i++)
        {
            var next = i + 1 < plan.Count ? plan[i + 1].At.ToTimeSpan() : TimeSpan.FromDays(1);
            var minutes = (next - plan[i].At.ToTimeSpan()).TotalMinutes;
            var isEvent = plan[i].Activity.Contains(" the ", StringComparison.Ordinal) && (plan[i].Activity.StartsWith("go to", StringComparison.Ordinal) || plan[i].Activity.StartsWith("attend", StringComparison.Ordinal) || plan[i].Activity.StartsWith("join", StringComparison.Ordinal));
            if (minutes < bestMinutes && !isEvent)
            {
                best = i;
                bestMinutes = minutes;
            }
        }

        return best;
    }

    private static string HourlySchedule(PromptReader p)
    {
        var plan = p.List("Plan").Select(PlanItem.TryParse).Where(i => i is not null).Select(i => i!).ToList();
        return string.Join('\n', Schedules.Hourly(plan).Select(i => i.ToString()));
    }

    private static string Decompose(PromptReader p, Random random)
    {
        var hour = TimeOnly.TryParseExact(p.Field("Hour") ?? string.Empty, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var h) ? h : new TimeOnly(0, 0);
        var activity = p.Field("Activity") ?? "rest";
        if (activity.Contains("sleep", StringComparison.OrdinalIgnoreCase))
        {
            return new TaskItem(hour, 60, activity).ToString();
        }

        // Habits starting within the hour split it; otherwise the hour's activity fills it.
        var habits = p.List("Usual day").Select(Habits.Parse).Where(x => x is not null).Select(x => x!.Value).ToList();
        var segments = new List<(int Start, string Activity)> { (0, activity) };
        var fromPlan = habits.Any(x => string.Equals(x.Activity, activity, StringComparison.Ordinal));
        if (fromPlan)
        {
            var inEffect = habits.LastOrDefault(x => x.At <= hour);
            if (inEffect.Activity is not null)
            {
                segments[0] = (0, inEffect.Activity);
            }

            foreach (var x in habits.Where(x => x.At.Hour == hour.Hour && x.At.Minute > 0))
            {
                segments.Add((x.At.Minute, x.Activity));
            }
        }

        var tasks = new List<TaskItem>();
        for (var s = 0; s < segments.Count; s++)
        {
            var start = segments[s].Start;
            var end = s + 1 < segments.Count ? segments[s + 1].Start : 60;
            var pieces = 0;
            while (start < end)
            {
                var length = Math.Min(15, end - start);
                if (end - start - length is > 0 and < 5)
                {
                    length = end - start;
                }

                var step = pieces switch
                {
                    0 => segments[s].Activity,
                    _ when start + length >= end => segments[s].Activity + Pick(random, " (wrapping up)", " (finishing)", string.Empty),
                    _ => segments[s].Activity + Pick(random, " (continuing)", " (carrying on)", string.Empty),
                };
                tasks.Add(new TaskItem(hour.AddMinutes(start), length, step));
                start += length;
                pieces++;
            }
        }

        return string.Join('\n', tasks.Select(t => t.ToString()));
    }

    private static string Place(PromptReader p, Random random)
    {
        var options = p.List("Options");
        if (options.Count == 0)
        {
            return string.Empty;
        }

        var level = (p.Field("Level") ?? "sector") switch { "arena" => 1, "object" => 2, _ => 0 };
        var task = p.Field("Task") ?? string.Empty;
        var within = p.Field("Within") ?? string.Empty;
        var taskWords = TextWords.Of(task);

        // A named place in the task wins ("go to the party at Hobbs Cafe").
        foreach (var option in options.OrderByDescending(o => o.Length))
        {
            if (task.Contains(option, StringComparison.OrdinalIgnoreCase) && (level > 0 || option.Length > 3))
            {
                return option;
            }
        }

        // Then the habit most like the task, if its address fits.
        var best = (Score: 0, Place: string.Empty);
        foreach (var line in p.List("Habits"))
        {
            if (Habits.Parse(line) is not { } habit || (within.Length > 0 && !habit.Place.StartsWith(within + ":", StringComparison.Ordinal)))
            {
                continue;
            }

            var score = TextWords.Overlap(taskWords, habit.Activity);
            if (score > best.Score)
            {
                best = (score, habit.Place);
            }
        }

        var parts = best.Place.Split(':');
        if (best.Score > 0 && level < parts.Length && options.Contains(parts[level]))
        {
            return parts[level];
        }

        foreach (var label in new[] { "Now at", "Home" })
        {
            var here = (p.Field(label) ?? string.Empty).Split(':');
            if (level < here.Length && options.Contains(here[level]) && (level == 0 || string.Join(':', here[..level]) == within))
            {
                return here[level];
            }
        }

        var named = options.Where(o => TextWords.Overlap(taskWords, o) > 0).ToList();
        return named.Count > 0 ? named[random.Next(named.Count)] : options[random.Next(options.Count)];
    }
}
