using System.Globalization;
using System.Text.RegularExpressions;

namespace Agents.Decisions;

/// <summary>A task of 5 to 60 minutes within an hour of the schedule.</summary>
/// <param name="Start">When it starts.</param>
/// <param name="Minutes">How long it lasts.</param>
/// <param name="Task">What the agent does.</param>
public sealed record TaskItem(TimeOnly Start, int Minutes, string Task)
{
    private static readonly Regex Line = new(@"^(\d{1,2}):(\d{2})\s+\((\d{1,2}) min\)\s+(.+)$", RegexOptions.CultureInvariant);

    /// <summary>"HH:mm (n min) task".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Start:HH:mm} ({Minutes} min) {Task}");

    /// <summary>Parses <see cref="ToString"/>'s form, or null.</summary>
    public static TaskItem? TryParse(string line)
    {
        var match = Line.Match(line.Trim());
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var minutes = int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        return hour > 23 || minute > 59 || minutes is < 5 or > 60 ? null : new TaskItem(new TimeOnly(hour, minute), minutes, match.Groups[4].Value.Trim());
    }
}
