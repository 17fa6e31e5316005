using System.Diagnostics.CodeAnalysis;
using Agents.World.Scenarios;

namespace Agents.Decisions;

/// <summary>One hour of the schedule broken into 5 to 15 minute tasks (sleep stays one task) that fill the hour.</summary>
/// <param name="Agent">Who plans.</param>
/// <param name="Hour">The hour's start.</param>
/// <param name="Activity">The schedule's activity for the hour.</param>
/// <param name="UsualDay">The agent's habits.</param>
public sealed record TaskDecompositionDecision(
    string Agent,
    TimeOnly Hour,
    string Activity,
    IReadOnlyList<RoutineItem> UsualDay) : Decision<IReadOnlyList<TaskItem>>
{
    /// <summary>The type name.</summary>
    public const string Name = "task_decomposition";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => @"(\d{2}:\d{2} \(\d{1,2} min\) [^\n]+\n){0,11}\d{2}:\d{2} \(\d{1,2} min\) [^\n]+";

    /// <inheritdoc />
    public override int MaxReplyTokens => 200;

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, "Break this hour into tasks of 5 to 15 minutes that fill the hour (sleep stays one task), one per line as HH:mm (n min) task.")
            .Field("Agent", Agent)
            .Field("Hour", Hour.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))
            .Field("Activity", Activity)
            .List("Usual day", UsualDay.Select(Habits.Brief))
            .Reply("lines of HH:mm (n min) task; the minutes add up to 60.");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out IReadOnlyList<TaskItem> value)
    {
        var tasks = new List<TaskItem>();
        var expected = Hour;
        foreach (var line in ReplyText.Lines(reply))
        {
            if (TaskItem.TryParse(line) is not { } task || task.Start != expected)
            {
                value = null;
                return false;
            }

            tasks.Add(task);
            expected = expected.AddMinutes(task.Minutes);
        }

        value = tasks;
        return tasks.Count > 0 && tasks.Sum(t => t.Minutes) == 60;
    }

    /// <inheritdoc />
    public override string Format(IReadOnlyList<TaskItem> value) => string.Join('\n', value.Select(t => t.ToString()));

    /// <inheritdoc />
    public override IReadOnlyList<TaskItem> Fallback() => [new TaskItem(Hour, 60, Activity)];
}
