using System.Globalization;
using Agents.World.Runs;

namespace Agents.Viewer.Headless;

/// <summary>Reads the game times users type: "2023-02-13 08:00", "08:00" (on the run's first day), "day 2 08:00".</summary>
public static class GameTime
{
    private static readonly string[] FullFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss"];

    /// <summary>Parses <paramref name="text"/> relative to a run that starts at <paramref name="start"/>.</summary>
    /// <exception cref="RunException">The text is not a game time; the message shows the accepted forms.</exception>
    public static DateTime Parse(string text, DateTime start, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (DateTime.TryParseExact(t, FullFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var full))
        {
            return full;
        }

        var day = 1;
        if (t.StartsWith("day", StringComparison.OrdinalIgnoreCase))
        {
            var parts = t[3..].Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out day) || day < 1)
            {
                throw Bad(text, what);
            }

            t = parts[1];
        }

        return TimeOnly.TryParseExact(t, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? start.Date.AddDays(day - 1) + time.ToTimeSpan()
            : throw Bad(text, what);
    }

    private static RunException Bad(string text, string what) =>
        new($"{what}: expected a game time like \"2023-02-13 08:00\", \"08:00\" (first day of the run) or \"day 2 08:00\"; got \"{text}\".");
}
