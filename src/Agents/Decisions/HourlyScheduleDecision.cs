using System.Diagnostics.CodeAnalysis;
using Agents.World.Scenarios;

namespace Agents.Decisions;

/// <summary>The day's plan spelled out hour by hour: one line per hour from 00:00 to 23:00.</summary>
/// <param name="Agent">Who plans.</param>
/// <param name="Date">The day.</param>
/// <param name="DayPlan">The broad plan to follow.</param>
/// <param name="UsualDay">The agent's habits.</param>
public sealed record HourlyScheduleDecision(
    string Agent,
    DateOnly Date,
    IReadOnlyList<PlanItem> DayPlan,
    IReadOnlyList<RoutineItem> UsualDay) : Decision<IReadOnlyList<PlanItem>>
{
    /// <summary>The type name.</summary>
    public const string Name = "hourly_schedule";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => @"(\d{2}:00 [^\n]+\n){23}\d{2}:00 [^\n]+";

    /// <inheritdoc />
    public override int MaxReplyTokens => 320;

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, "Write the agent's schedule for the day, one line per hour from 00:00 to 23:00, as HH:00 activity.")
            .Field("Agent", Agent)
            .Field("Date", Date.ToString("dddd MMMM d yyyy", System.Globalization.CultureInfo.InvariantCulture))
            .List("Plan", DayPlan.Select(p => p.ToString()))
            .List("Usual day", UsualDay.Select(Habits.Brief))
            .Reply("24 lines, 00:00 to 23:00.");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out IReadOnlyList<PlanItem> value)
    {
        var hours = new PlanItem?[24];
        foreach (var line in ReplyText.Lines(reply))
        {
            if (PlanItem.TryParse(line) is not { } item || item.At.Minute != 0)
            {
                value = null;
                return false;
            }

            hours[item.At.Hour] = item;
        }

        if (hours.Any(h => h is null))
        {
            value = null;
            return false;
        }

        value = hours.Select(h => h!).ToList();
        return true;
    }

    /// <inheritdoc />
    public override string Format(IReadOnlyList<PlanItem> value) => string.Join('\n', value.Select(i => i.ToString()));

    /// <inheritdoc />
    public override IReadOnlyList<PlanItem> Fallback() => Schedules.Hourly(DayPlan);
}
