using System.Globalization;
using Agents.World.Scenarios;

namespace Agents.Decisions;

/// <summary>How routine items (an agent's habits) appear in prompts and in fallbacks.</summary>
public static class Habits
{
    /// <summary>"HH:mm activity (sector:arena:object)".</summary>
    public static string Describe(RoutineItem item) =>
        item.At.ToString("HH:mm", CultureInfo.InvariantCulture) + " " + item.Activity + " (" + item.Place + ")";

    /// <summary>"HH:mm activity (sector)": a short form with the place.</summary>
    public static string Brief(RoutineItem item) =>
        item.At.ToString("HH:mm", CultureInfo.InvariantCulture) + " " + item.Activity + " (" + item.Place.Sector + ")";

    /// <summary>"HH:mm activity": the terse form for planning prompts.</summary>
    public static string Terse(RoutineItem item) => new PlanItem(item.At, item.Activity).ToString();

    /// <summary>Parses <see cref="Describe"/>'s (or <see cref="Brief"/>'s) text back into time, activity and address; null when it does not fit.</summary>
    public static (TimeOnly At, string Activity, string Place)? Parse(string text)
    {
        var open = text.LastIndexOf(" (", StringComparison.Ordinal);
        if (open < 0 || !text.EndsWith(')') || PlanItem.TryParse(text[..open]) is not { } item)
        {
            return null;
        }

        return (item.At, item.Activity, text[(open + 2)..^1]);
    }

    /// <summary>
    /// The habits that shape one hour: the one in effect when it starts (the last one of the day when none has
    /// started yet) and those that start within it, in time order.
    /// </summary>
    public static IReadOnlyList<RoutineItem> Around(IReadOnlyList<RoutineItem> routine, TimeOnly hour)
    {
        ArgumentNullException.ThrowIfNull(routine);
        var sorted = routine.OrderBy(r => r.At).ToList();
        if (sorted.Count == 0)
        {
            return [];
        }

        var start = new TimeOnly(hour.Hour, 0);
        var current = sorted.LastOrDefault(r => r.At <= start) ?? sorted[^1];
        var within = sorted.Where(r => r.At > start && r.At.Hour == start.Hour);
        return [current, .. within];
    }

    /// <summary>
    /// The described habits ("HH:mm activity (address)") that share a content word with <paramref name="task"/>, at
    /// most <paramref name="count"/>, best first; only those inside <paramref name="within"/> (a sector or
    /// sector:arena) when it is given.
    /// </summary>
    public static IReadOnlyList<string> Relevant(string task, IEnumerable<string> described, string within, int count)
    {
        ArgumentNullException.ThrowIfNull(described);
        var words = TextWords.Of(task ?? string.Empty);
        return [.. described
            .Select((line, index) => (Line: line, Index: index, Habit: Parse(line)))
            .Where(x => x.Habit is { } h && (within.Length == 0 || h.Place.StartsWith(within + ":", StringComparison.Ordinal)))
            .Select(x => (x.Line, x.Index, Score: TextWords.Overlap(words, x.Habit!.Value.Activity)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Index)
            .Take(count)
            .Select(x => x.Line)];
    }

    /// <summary>
    /// At most <paramref name="count"/> broad items from a routine: the longest-lasting items, in time order; an
    /// empty routine gives a plain day at home.
    /// </summary>
    public static IReadOnlyList<PlanItem> Broad(IReadOnlyList<RoutineItem> routine, int count)
    {
        ArgumentNullException.ThrowIfNull(routine);
        return Broad([.. routine.Select(r => new PlanItem(r.At, r.Activity))], count);
    }

    /// <summary>At most <paramref name="count"/> broad items from habits given as plan items (see the other overload).</summary>
    public static IReadOnlyList<PlanItem> Broad(IReadOnlyList<PlanItem> routine, int count)
    {
        ArgumentNullException.ThrowIfNull(routine);
        if (routine.Count == 0)
        {
            return
            [
                new PlanItem(new TimeOnly(0, 0), "sleep"),
                new PlanItem(new TimeOnly(7, 0), "wake up and have breakfast"),
                new PlanItem(new TimeOnly(9, 0), "go about the day"),
                new PlanItem(new TimeOnly(12, 0), "have lunch"),
                new PlanItem(new TimeOnly(18, 0), "have dinner"),
                new PlanItem(new TimeOnly(22, 0), "sleep"),
            ];
        }

        // Each item lasts until the next one, the day's last until the first one of the next day.
        var sorted = routine.OrderBy(r => r.At).ToList();
        var lengths = new List<(int Index, double Minutes)>();
        for (var i = 0; i < sorted.Count; i++)
        {
            var next = i + 1 < sorted.Count ? sorted[i + 1].At.ToTimeSpan() : sorted[0].At.ToTimeSpan() + TimeSpan.FromDays(1);
            lengths.Add((i, (next - sorted[i].At.ToTimeSpan()).TotalMinutes));
        }

        var keep = lengths.OrderByDescending(l => l.Minutes).ThenBy(l => l.Index).Take(count).Select(l => l.Index).Order();
        return [.. keep.Select(i => sorted[i])];
    }
}
