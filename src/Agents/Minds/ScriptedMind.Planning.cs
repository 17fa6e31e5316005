using System.Globalization;
using Agents.Decisions;

namespace Agents.Minds;

/// <summary>The scripted mind's planning: day plans from habits and known events, schedules, tasks and places.</summary>
public sealed partial class ScriptedMind
{
    private static readonly string[] WorkWords =
    [
        "work", "shift", "teach", "class", "lecture", "seminar", "lesson", "serve", "open the", "close the", "office", "customer",
        "counter", "prescription", "stock", "pour", "accounts", "permit", "records", "council", "grade", "catalogue",
        "deliver", "rehearse", "supervisor", "checkout", "patient", "clinic", "meeting", "guests", "pub kitchen",
    ];

    private static string DayPlan(PromptReader p, Random random)
    {
        var habits = p.List("Usual day").Select(PlanItem.TryParse).OfType<PlanItem>().OrderBy(h => h.At).ToList();
        var plan = Habits.Broad(habits, DayPlanDecision.MaxItems).ToList();
        if (Day(p) is { } today)
        {
            foreach (var line in p.List("Memories"))
            {
                var (_, text) = MemoryLines.Parse(line);
                if (DatedEvent.Find(text) is { } e && e.IsOn(today) && Window(habits, e, TimeOnly.MinValue) is { } window)
                {
                    plan = Insert(plan, e, window, random);
                    break;
                }
            }
        }

        while (plan.Count > DayPlanDecision.MaxItems)
        {
            plan.RemoveAt(Shortest(plan));
        }

        while (plan.Count < DayPlanDecision.MinItems)
        {
            var last = plan.Count > 0 ? plan[^1].At : new TimeOnly(6, 0);
            var at = last.Hour < 22 ? new TimeOnly(last.Hour + 1, 0) : new TimeOnly(23, 30);
            plan.Add(new PlanItem(at, DayPlanDecision.Fillers[random.Next(DayPlanDecision.Fillers.Count)]));
            plan.Sort((a, b) => a.At.CompareTo(b.At));
        }

        return string.Join('\n', plan.Select(i => i.ToString()));
    }

    private static DateOnly? Day(PromptReader p) =>
        DateOnly.TryParseExact(p.Field("Date") ?? string.Empty, "dddd MMMM d yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static bool IsWork(string activity) => WorkWords.Any(w => activity.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// When the schedule lets the agent attend an event: from its start, or from when the work or sleep it overlaps
    /// ends (rounded up to the hour), until its end, if at least 45 minutes remain and nothing has begun before
    /// <paramref name="earliest"/>. Other activities (meals, errands, leisure) give way to it.
    /// </summary>
    private static (TimeOnly From, TimeOnly To)? Window(List<PlanItem> habits, DatedEvent e, TimeOnly earliest)
    {
        var from = e.From < earliest ? new TimeOnly(earliest.Hour, 0) : e.From;
        for (var i = 0; i < habits.Count; i++)
        {
            var start = habits[i].At;
            var end = i + 1 < habits.Count ? habits[i + 1].At : new TimeOnly(23, 59);
            var blocks = habits[i].Activity.Contains("sleep", StringComparison.OrdinalIgnoreCase) || IsWork(habits[i].Activity);
            if (blocks && start < e.To && end > from)
            {
                if (start > from)
                {
                    // Work that starts during the event leaves only the time before it, if any.
                    return (start - from).TotalMinutes >= 45 ? (from, start) : null;
                }

                from = end.Minute == 0 ? end : new TimeOnly(Math.Min(23, end.Hour + 1), 0);
            }
        }

        return (e.To - from).TotalMinutes >= 45 && from < e.To ? (from, e.To) : null;
    }

    private static List<PlanItem> Insert(List<PlanItem> plan, DatedEvent e, (TimeOnly From, TimeOnly To) window, Random random)
    {
        var after = PlanItem.InEffect(plan, window.To);
        var result = plan.Where(i => i.At < window.From || i.At > window.To).ToList();
        result.Add(new PlanItem(window.From, e.Attend(DatedEvent.Verbs[random.Next(DatedEvent.Verbs.Count)])));
        if (after is not null && result.All(i => i.At != window.To))
        {
            result.Add(new PlanItem(window.To, after.Activity));
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
            if (minutes < bestMinutes && !DatedEvent.IsAttending(plan[i].Activity))
            {
                best = i;
                bestMinutes = minutes;
            }
        }

        return best;
    }

    /// <summary>
    /// The plan hour by hour from the From hour, written only where the activity changes. A memo naming an event
    /// later today puts it in the schedule when the schedule allows.
    /// </summary>
    private static string HourlySchedule(PromptReader p, Random random)
    {
        var from = int.TryParse((p.Field("From") ?? "00:00").Split(':')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var f) && f is >= 0 and <= 23 ? f : 0;
        var plan = p.List("Plan").Select(PlanItem.TryParse).OfType<PlanItem>().OrderBy(i => i.At).ToList();
        if (p.Field("Memo") is { } memo && Day(p) is { } today && DatedEvent.Find(memo) is { } e && e.IsOn(today)
            && !plan.Any(i => i.Activity.Contains(e.Name, StringComparison.OrdinalIgnoreCase))
            && Window(plan, e, new TimeOnly(from, 0)) is { } window)
        {
            plan = Insert(plan, e, window, random);
        }

        var hours = Schedules.Hourly(plan).Skip(from).ToList();
        var lines = new List<string>();
        string? last = null;
        foreach (var hour in hours)
        {
            if (hour.Activity != last)
            {
                lines.Add(hour.ToString());
                last = hour.Activity;
            }
        }

        return string.Join('\n', lines);
    }

    private static string Decompose(PromptReader p, Random random)
    {
        var hour = TimeOnly.TryParseExact(p.Field("Hour") ?? string.Empty, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var h) ? h : new TimeOnly(0, 0);
        var activity = p.Field("Activity") ?? "rest";
        if (activity.Contains("sleep", StringComparison.OrdinalIgnoreCase))
        {
            return new PlanItem(hour, activity).ToString();
        }

        // The habits shown (the one in effect, then those starting within the hour) split it; none: the activity fills it.
        var habits = p.List("Habits").Select(PlanItem.TryParse).OfType<PlanItem>().ToList();
        var segments = new List<(int Start, string Activity)> { (0, habits.Count > 0 ? habits[0].Activity : activity) };
        foreach (var x in habits.Skip(1).Where(x => x.At.Hour == hour.Hour && x.At.Minute > 0))
        {
            segments.Add((x.At.Minute, x.Activity));
        }

        var tasks = new List<PlanItem>();
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
                tasks.Add(new PlanItem(hour.AddMinutes(start), step));
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
