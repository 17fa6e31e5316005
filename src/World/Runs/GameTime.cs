using System.Globalization;

namespace Agents.World.Runs;

/// <summary>
/// Reads the game times users type: a full date-time ("2023-02-13 08:00") anywhere, and, where a run's start is known,
/// also a time of day on its first day ("08:00") or on a given day ("day 2 08:00"). Stateless and thread-safe.
/// </summary>
public static class GameTime
{
    private static readonly string[] FullFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss"];

    /// <summary>Parses a full date-time, the only form that needs no run (e.g. <c>agents run --until</c>).</summary>
    /// <param name="text">What the user typed.</param>
    /// <param name="what">The option or field the text came from, named first in the error message.</param>
    /// <exception cref="RunException">The text is not a full date-time; the message shows an example.</exception>
    public static DateTime Parse(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseFull(text, out var time)
            ? time
            : throw new RunException($"{what}: expected a game time like \"2023-02-14 19:00\"; got \"{text}\".");
    }

    /// <summary>Parses <paramref name="text"/> in any form, relative to a run that starts at <paramref name="start"/>; surrounding spaces are ignored.</summary>
    /// <param name="text">What the user typed.</param>
    /// <param name="start">The run's first game time: "08:00" means 08:00 on its date, "day 2 08:00" the day after.</param>
    /// <param name="what">The option or field the text came from, named first in the error message.</param>
    /// <exception cref="RunException">The text is not a game time; the message shows the accepted forms.</exception>
    public static DateTime Parse(string text, DateTime start, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (TryParseFull(t, out var full))
        {
            return full;
        }

        var day = 1;
        if (t.StartsWith("day", StringComparison.OrdinalIgnoreCase))
        {
            var parts = t[3..].Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out day) || day < 1)
            {
                throw BadRelative(text, what);
            }

            t = parts[1];
        }

        return TimeOnly.TryParseExact(t, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? start.Date.AddDays(day - 1) + time.ToTimeSpan()
            : throw BadRelative(text, what);
    }

    private static bool TryParseFull(string text, out DateTime time) =>
        DateTime.TryParseExact(text, FullFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static RunException BadRelative(string text, string what) =>
        new($"{what}: expected a game time like \"2023-02-13 08:00\", \"08:00\" (first day of the run) or \"day 2 08:00\"; got \"{text}\".");
}
