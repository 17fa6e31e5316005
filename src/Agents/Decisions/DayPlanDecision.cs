using System.Diagnostics.CodeAnalysis;
using Agents.World.Scenarios;

namespace Agents.Decisions;

/// <summary>The day's plan in broad strokes, made on waking: 5 to 8 items with their start times.</summary>
/// <param name="Agent">Who plans.</param>
/// <param name="Persona">Age, traits and situation in one line.</param>
/// <param name="Lifestyle">When the agent sleeps and wakes.</param>
/// <param name="Date">The day planned.</param>
/// <param name="UsualDay">The agent's habits (routine), which plans usually follow; shown tersely, without places.</param>
/// <param name="Memories">Memories retrieved for planning this day.</param>
public sealed record DayPlanDecision(
    string Agent,
    string Persona,
    string Lifestyle,
    DateOnly Date,
    IReadOnlyList<RoutineItem> UsualDay,
    IReadOnlyList<string> Memories) : Decision<IReadOnlyList<PlanItem>>
{
    /// <summary>The type name.</summary>
    public const string Name = "day_plan";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => $"{PlanItem.LinePattern}(\n{PlanItem.LinePattern}){{4,7}}";

    /// <inheritdoc />
    public override int MaxReplyTokens => 120;

    /// <inheritdoc />
    public override IReadOnlyList<string> StopSequences => ReplyEnds.BlankLine;

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, "Plan the agent's day in broad strokes: 5 to 8 items.")
            .Field("Agent", Agent)
            .Field("Persona", PromptBuilder.Cut(PromptBuilder.OneLine(Persona, 400), 180))
            .Field("Lifestyle", Lifestyle)
            .Field("Date", Date.ToString("dddd MMMM d yyyy", System.Globalization.CultureInfo.InvariantCulture))
            .List("Usual day", UsualDay.OrderBy(r => r.At).Select(Habits.Terse))
            .List("Memories", Memories, 500)
            .Reply("5 to 8 lines of HH:mm activity.");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out IReadOnlyList<PlanItem> value)
    {
        var items = new List<PlanItem>();
        foreach (var line in ReplyText.Lines(reply))
        {
            if (PlanItem.TryParse(line) is not { } item)
            {
                value = null;
                return false;
            }

            items.Add(item);
        }

        items.Sort((a, b) => a.At.CompareTo(b.At));
        value = items;
        return items.Count is >= 5 and <= 8;
    }

    /// <inheritdoc />
    public override string Format(IReadOnlyList<PlanItem> value) => string.Join('\n', value.Select(i => i.ToString()));

    /// <inheritdoc />
    public override IReadOnlyList<PlanItem> Fallback() => Habits.Broad(UsualDay, 8);
}
