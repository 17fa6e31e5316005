using System.Globalization;
using System.Text.RegularExpressions;

namespace Agents.Decisions;

/// <summary>A dated event named in a memory or a memo ("a party at Hobbs Cafe on February 14 from 5 to 7 pm").</summary>
/// <param name="Month">Month, 1-12.</param>
/// <param name="Day">Day of the month.</param>
/// <param name="From">Start time.</param>
/// <param name="To">End time.</param>
/// <param name="Name">The event's name ("Valentine's Day party").</param>
/// <param name="Place">Where, as named in the text ("Hobbs Cafe"), or empty.</param>
internal sealed record DatedEvent(int Month, int Day, TimeOnly From, TimeOnly To, string Name, string Place)
{
    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];
    private static readonly Regex Date = new(@"\b(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2})\b", RegexOptions.CultureInvariant);
    private static readonly Regex Range = new(@"\b(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\s*(?:-|to|until)\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex Noun = new(@"((?:[A-Z][\w']*\s){0,3})(party|celebration|meeting|dinner|concert|gathering|festival|rally|fair)\b", RegexOptions.CultureInvariant);
    private static readonly Regex At = new(@"\bat ((?:The )?[A-Z][\w']*(?: (?:and |of )?[A-Z][\w']*)*)", RegexOptions.CultureInvariant);

    /// <summary>The verbs that begin an activity attending an event ("attend the Valentine's Day party at Hobbs Cafe").</summary>
    public static IReadOnlyList<string> Verbs { get; } = ["go to", "attend", "join"];

    /// <summary>The activity that attends the event, begun with <paramref name="verb"/>.</summary>
    public string Attend(string verb) => Place.Length > 0 ? $"{verb} the {Name} at {Place}" : $"{verb} the {Name}";

    /// <summary>True when the event takes place on <paramref name="date"/>.</summary>
    public bool IsOn(DateOnly date) => Month == date.Month && Day == date.Day;

    /// <summary>True when <paramref name="activity"/> attends an event (a verb of <see cref="Verbs"/>, then "the ...").</summary>
    public static bool IsAttending(string activity) =>
        activity.Contains(" the ", StringComparison.Ordinal) && Verbs.Any(v => activity.StartsWith(v + " ", StringComparison.Ordinal));

    /// <summary>
    /// Every activity attending an event that one of <paramref name="texts"/> (memories, a memo; a leading "[importance]"
    /// is skipped) dates on <paramref name="date"/>, with each verb: what a plan for that day may add to its habits.
    /// </summary>
    public static IReadOnlyList<string> AttendingOn(DateOnly date, IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return [.. texts.Select(t => Find(MemoryLines.Parse(t).Text)).OfType<DatedEvent>().Where(e => e.IsOn(date))
            .SelectMany(e => Verbs.Select(e.Attend)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The name of an event a text speaks of ("Valentine's Day party"), dated or not; null when it names none.</summary>
    public static string? NameIn(string text)
    {
        foreach (Match noun in Noun.Matches(text))
        {
            var qualifier = noun.Groups[1].Value.Trim();
            if ((qualifier.Length > 0 && !Months.Contains(qualifier.Split(' ')[0])) || noun.Groups[2].Value is "party" or "celebration" or "festival" or "concert" or "fair" or "rally")
            {
                return (qualifier + " " + noun.Groups[2].Value).Trim();
            }
        }

        return null;
    }

    /// <summary>A dated event with its time range and place, or null.</summary>
    public static DatedEvent? Find(string text)
    {
        var date = Date.Match(text);
        var range = Range.Match(text);
        var noun = Noun.Match(text);
        if (!date.Success || !range.Success || !noun.Success)
        {
            return null;
        }

        // Without am/pm the times must be 24-hour clock times ("17:00 to 19:00").
        if (range.Groups[6].Length == 0 && (range.Groups[2].Length == 0 || range.Groups[5].Length == 0))
        {
            return null;
        }

        var toHour = Hour(range.Groups[4].Value, range.Groups[6].Value);
        var fromMeridiem = range.Groups[3].Success && range.Groups[3].Length > 0 ? range.Groups[3].Value : range.Groups[6].Value;
        var fromHour = Hour(range.Groups[1].Value, fromMeridiem);
        if (fromHour is null || toHour is null)
        {
            return null;
        }

        // The place right after the event's name wins ("a party at Hobbs Cafe"), then any other named place.
        var place = string.Empty;
        var after = At.Match(text, noun.Index + noun.Length);
        foreach (var m in after.Success && after.Index <= noun.Index + noun.Length + 1 ? [after] : At.Matches(text).ToList())
        {
            var candidate = m.Groups[1].Value;
            if (!Months.Contains(candidate.Split(' ')[0]))
            {
                place = candidate;
                break;
            }
        }

        var from = new TimeOnly(fromHour.Value, Minute(range.Groups[2].Value));
        var to = new TimeOnly(toHour.Value, Minute(range.Groups[5].Value));
        var month = Array.IndexOf(Months, date.Groups[1].Value) + 1;
        return to <= from ? null : new DatedEvent(month, int.Parse(date.Groups[2].Value, CultureInfo.InvariantCulture), from, to, (noun.Groups[1].Value + noun.Groups[2].Value).Trim(), place);
    }

    private static int? Hour(string digits, string meridiem)
    {
        var hour = int.Parse(digits, CultureInfo.InvariantCulture);
        if (hour is < 1 or > 12)
        {
            return hour <= 23 && meridiem.Length == 0 ? hour : null;
        }

        return meridiem.ToLowerInvariant() switch
        {
            "pm" => hour == 12 ? 12 : hour + 12,
            "am" => hour == 12 ? 0 : hour,
            _ => hour,
        };
    }

    private static int Minute(string digits) => digits.Length == 0 ? 0 : Math.Min(59, int.Parse(digits, CultureInfo.InvariantCulture));
}
