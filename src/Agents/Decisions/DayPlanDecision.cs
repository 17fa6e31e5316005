using System.Diagnostics.CodeAnalysis;
using Agents.World.Scenarios;

namespace Agents.Decisions;

/// <summary>
/// The day's plan in broad strokes, made on waking: 5 to 12 items with their start times. Up to 12 rather than the
/// paper's 5 to 8, so that a plan can keep every habit of a usual day (Smallville's routines hold 9 to 12) and change
/// only what the memories change: a small model copies and edits well, but chooses which habits to drop poorly
/// (the first default model made a valid 5-to-8 plan for 1 of 13 held-out days).
/// </summary>
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

    /// <summary>The fewest items a plan holds.</summary>
    public const int MinItems = 5;

    /// <summary>The most items a plan holds.</summary>
    public const int MaxItems = 12;

    /// <summary>What a plan too short for its habits is filled up with.</summary>
    public static IReadOnlyList<string> Fillers { get; } = ["rest at home", "tidy up at home", "read at home"];

    /// <inheritdoc />
    /// <remarks>
    /// The shape holds the bundled model to what its teacher plans: each line's activity is a habit, a filler, or an
    /// event that a memory in the prompt dates on this day (<see cref="Activities"/>). Unconstrained, a small model
    /// copies "attend the Valentine's Day party" into the day before it from its training data; a mind decoding
    /// freely (an endpoint) may still write any activity, which parsing accepts.
    /// </remarks>
    public override string ReplyShape
    {
        get
        {
            var line = @"\d{2}:\d{2} (" + string.Join('|', Activities.Select(System.Text.RegularExpressions.Regex.Escape)) + ")";
            return $"{line}(\n{line}){{{MinItems - 1},{MaxItems - 1}}}";
        }
    }

    /// <summary>
    /// The activities the reply shape allows: the usual day's (or the default day's when there are no habits), the
    /// fillers, and attending each event a memory dates on <see cref="Date"/>.
    /// </summary>
    public IReadOnlyList<string> Activities =>
        [.. UsualDay.Select(r => r.Activity).Concat(Habits.Broad(UsualDay, MaxItems).Select(i => i.Activity)).Concat(Fillers)
            .Concat(DatedEvent.AttendingOn(Date, Memories)).Distinct(StringComparer.Ordinal)];

    /// <inheritdoc />
    public override int MaxReplyTokens => 200;

    /// <inheritdoc />
    public override IReadOnlyList<string> StopSequences => ReplyEnds.BlankLine;

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, $"Plan the agent's day in broad strokes: {MinItems} to {MaxItems} items.")
            .Field("Agent", Agent)
            .Field("Persona", PromptBuilder.Cut(PromptBuilder.OneLine(Persona, 400), 180))
            .Field("Lifestyle", Lifestyle)
            .Field("Date", Date.ToString("dddd MMMM d yyyy", System.Globalization.CultureInfo.InvariantCulture))
            .List("Usual day", UsualDay.OrderBy(r => r.At).Select(Habits.Terse))
            .List("Memories", Memories, 500)
            .Reply($"{MinItems} to {MaxItems} lines of HH:mm activity.");

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
        return items.Count is >= MinItems and <= MaxItems;
    }

    /// <inheritdoc />
    public override string Format(IReadOnlyList<PlanItem> value) => string.Join('\n', value.Select(i => i.ToString()));

    /// <inheritdoc />
    public override IReadOnlyList<PlanItem> Fallback() => Habits.Broad(UsualDay, MaxItems);
}
