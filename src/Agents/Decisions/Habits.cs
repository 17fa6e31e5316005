using System.Globalization;
using Agents.World.Scenarios;

namespace Agents.Decisions;

/// <summary>How routine items (an agent's habits) appear in prompts and in fallbacks.</summary>
public static class Habits
{
    /// <summary>"HH:mm activity (sector:arena:object)".</summary>
    public static string Describe(RoutineItem item) =>
        item.At.ToString("HH:mm", CultureInfo.InvariantCulture) + " " + item.Activity + " (" + item.Place + ")";

    /// <summary>"HH:mm activity (sector)": the short form for planning prompts.</summary>
    public static string Brief(RoutineItem item) =>
        item.At.ToString("HH:mm", CultureInfo.InvariantCulture) + " " + item.Activity + " (" + item.Place.Sector + ")";

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
    /// At most <paramref name="count"/> broad items from a routine: the longest-lasting items, in time order; an
    /// empty routine gives a plain day at home.
    /// </summary>
    public static IReadOnlyList<PlanItem> Broad(IReadOnlyList<RoutineItem> routine, int count)
    {
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

        var lengths = new List<(int Index, double Minutes)>();
        for (var i = 0; i < routine.Count; i++)
        {
            var next = i + 1 < routine.Count ? routine[i + 1].At.ToTimeSpan() : routine[0].At.ToTimeSpan() + TimeSpan.FromDays(1);
            lengths.Add((i, (next - routine[i].At.ToTimeSpan()).TotalMinutes));
        }

        var keep = lengths.OrderByDescending(l => l.Minutes).ThenBy(l => l.Index).Take(count).Select(l => l.Index).Order();
        var items = keep.Select(i => new PlanItem(routine[i].At, routine[i].Activity)).ToList();
        return items;
    }
}
