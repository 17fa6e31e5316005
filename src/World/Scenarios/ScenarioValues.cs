using System.Globalization;
using System.Text.RegularExpressions;

namespace Agents.World.Scenarios;

/// <summary>Parses the value formats of scenario files: durations, date-times and times of day.</summary>
internal static partial class ScenarioValues
{
    /// <summary>The accepted date-time forms, for messages.</summary>
    public const string DateTimeForms = "a date-time like 2023-02-13 08:00";

    /// <summary>The accepted duration forms, for messages.</summary>
    public const string DurationForms = "a duration like 10s, 5m, 2h, 1d or 1h30m";

    /// <summary>The accepted time-of-day forms, for messages.</summary>
    public const string TimeForms = "a time of day like \"06:30\"";

    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd H:mm", "yyyy-MM-dd'T'H:mm", "yyyy-MM-dd",
    ];

    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss", "H:mm:ss"];

    /// <summary>Parses <c>10s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c> and combinations such as <c>1h30m</c> (each unit once, largest first).</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success || text.Trim().Length == 0)
        {
            return false;
        }

        long seconds = 0;
        foreach (var (group, unit) in new[] { ("d", 86_400L), ("h", 3_600L), ("m", 60L), ("s", 1L) })
        {
            var value = match.Groups[group];
            if (!value.Success)
            {
                continue;
            }

            // At most 9 digits per unit, so the sum cannot overflow a long.
            if (!long.TryParse(value.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return false;
            }

            seconds += count * unit;
        }

        if (seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>Parses an ISO-like date-time: <c>2023-02-13 08:00</c>, with <c>T</c> or a space, seconds optional.</summary>
    public static bool TryParseDateTime(string text, out DateTime value) =>
        DateTime.TryParseExact(text.Trim(), DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>Parses a time of day: <c>06:30</c>, <c>6:30</c> or <c>06:30:00</c>.</summary>
    public static bool TryParseTime(string text, out TimeOnly value) =>
        TimeOnly.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    [GeneratedRegex(@"^(?:(?<d>\d{1,9})\s*d)?\s*(?:(?<h>\d{1,9})\s*h)?\s*(?:(?<m>\d{1,9})\s*m)?\s*(?:(?<s>\d{1,9})\s*s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
