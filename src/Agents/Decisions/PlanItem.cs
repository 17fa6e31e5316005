using System.Globalization;
using System.Text.RegularExpressions;

namespace Agents.Decisions;

/// <summary>One item of a day plan or an hourly schedule: from <paramref name="At"/>, the activity.</summary>
/// <param name="At">When it starts.</param>
/// <param name="Activity">What the agent does, in words.</param>
public sealed record PlanItem(TimeOnly At, string Activity)
{
    /// <summary>The regex of one line: "HH:mm activity".</summary>
    public const string LinePattern = @"\d{2}:\d{2} [^\n]+";

    private static readonly Regex Line = new(@"^(\d{1,2}):(\d{2})\s+(.+)$", RegexOptions.CultureInvariant);

    /// <summary>"HH:mm activity".</summary>
    public override string ToString() => At.ToString("HH:mm", CultureInfo.InvariantCulture) + " " + Activity;

    /// <summary>Parses "HH:mm activity", or null.</summary>
    public static PlanItem? TryParse(string line)
    {
        var match = Line.Match(line.Trim());
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var activity = match.Groups[3].Value.Trim();
        return hour is < 0 or > 23 || minute is < 0 or > 59 || activity.Length == 0 ? null : new PlanItem(new TimeOnly(hour, minute), activity);
    }

    /// <summary>The item in effect at <paramref name="time"/> in a sorted list (the last before it, else the list's last).</summary>
    public static PlanItem? InEffect(IReadOnlyList<PlanItem> items, TimeOnly time)
    {
        if (items.Count == 0)
        {
            return null;
        }

        var current = items[^1];
        foreach (var item in items)
        {
            if (item.At > time)
            {
                break;
            }

            current = item;
        }

        return current;
    }
}
