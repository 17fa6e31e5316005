using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Agents.Decisions;

/// <summary>
/// The plan spelled out hour by hour, from <paramref name="From"/> to 23:00. The reply lists only the hours where the
/// activity changes (the first at <paramref name="From"/>); parsing expands it to one item per hour. On waking it
/// spells out the day plan from 00:00; after a conversation it revises the rest of the day's schedule in the light of
/// <paramref name="Memo"/>, keeping the hours before <paramref name="From"/>.
/// </summary>
/// <param name="Agent">Who plans.</param>
/// <param name="Date">The day.</param>
/// <param name="DayPlan">The plan to follow: the day plan, or the schedule's changes from <paramref name="From"/> when revising.</param>
/// <param name="From">The first hour to write.</param>
/// <param name="Memo">What came up that may change the schedule (a conversation's memo), or null.</param>
public sealed record HourlyScheduleDecision(
    string Agent,
    DateOnly Date,
    IReadOnlyList<PlanItem> DayPlan,
    int From = 0,
    string? Memo = null) : Decision<IReadOnlyList<PlanItem>>
{
    /// <summary>The type name.</summary>
    public const string Name = "hourly_schedule";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    /// <remarks>
    /// Each later hour is an optional line in order, so the shape itself keeps the hours rising and within the day; each
    /// activity is one of the plan's, or attending an event the memo dates on this day (<see cref="Activities"/>), as
    /// the teacher writes them. A mind decoding freely may write any activity, which parsing accepts.
    /// </remarks>
    public override string ReplyShape
    {
        get
        {
            var activity = "(" + string.Join('|', Activities.Select(System.Text.RegularExpressions.Regex.Escape)) + ")";
            return $@"{FromText} {activity}" + string.Concat(Enumerable.Range(From + 1, 23 - From).Select(h => $@"(\n{h.ToString("00", CultureInfo.InvariantCulture)}:00 {activity})?"));
        }
    }

    /// <summary>The activities the reply shape allows: the plan's, sleep (before a plan's first item), and attending an event the memo dates on <see cref="Date"/>.</summary>
    public IReadOnlyList<string> Activities =>
        [.. DayPlan.Select(p => p.Activity).Append("sleep").Concat(Memo is null ? [] : DatedEvent.AttendingOn(Date, [Memo])).Distinct(StringComparer.Ordinal)];

    /// <inheritdoc />
    public override int MaxReplyTokens => 120;

    /// <inheritdoc />
    public override IReadOnlyList<string> StopSequences => ReplyEnds.BlankLine;

    private string FromText => From.ToString("00", CultureInfo.InvariantCulture) + ":00";

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, "Spell out the plan hour by hour: a line HH:00 activity at each hour where the activity changes.")
            .Field("Agent", Agent)
            .Field("Date", Date.ToString("dddd MMMM d yyyy", CultureInfo.InvariantCulture))
            .Field("From", FromText)
            .Field("Memo", Memo is null ? null : PromptBuilder.Cut(PromptBuilder.OneLine(Memo, 400), 240))
            .List("Plan", DayPlan.Select(p => p.ToString()))
            .Reply($"lines of HH:00 activity from {FromText}.");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out IReadOnlyList<PlanItem> value)
    {
        var changes = new List<PlanItem>();
        foreach (var line in ReplyText.Lines(reply))
        {
            if (PlanItem.TryParse(line) is not { } item || item.At.Minute != 0 || (changes.Count > 0 ? item.At <= changes[^1].At : item.At.Hour != From))
            {
                value = null;
                return false;
            }

            changes.Add(item);
        }

        value = changes.Count == 0 ? null : Expand(changes);
        return value is not null;
    }

    /// <summary>Only the hours where the activity changes.</summary>
    public override string Format(IReadOnlyList<PlanItem> value)
    {
        var lines = new List<string>();
        string? last = null;
        foreach (var item in value)
        {
            if (item.At.Hour >= From && item.Activity != last)
            {
                lines.Add(item.ToString());
                last = item.Activity;
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>The plan unchanged, one item per hour from <see cref="From"/>.</summary>
    public override IReadOnlyList<PlanItem> Fallback() => [.. Schedules.Hourly(DayPlan).Skip(From)];

    private List<PlanItem> Expand(List<PlanItem> changes)
    {
        var hours = new List<PlanItem>(24 - From);
        var next = 0;
        var activity = changes[0].Activity;
        for (var h = From; h < 24; h++)
        {
            if (next < changes.Count && changes[next].At.Hour == h)
            {
                activity = changes[next++].Activity;
            }

            hours.Add(new PlanItem(new TimeOnly(h, 0), activity));
        }

        return hours;
    }
}
