using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Agents.World.Scenarios;

namespace Agents.Decisions;

/// <summary>
/// One hour of the schedule broken into tasks of 5 to 15 minutes (sleep stays one task) that fill the hour. The reply
/// gives each task's start ("HH:mm task"); a task lasts until the next one starts, the last until the hour ends.
/// Each task is the hour's activity or a habit the prompt shows, with an optional detail in brackets, as the paper
/// writes a subtask ("write her book (outlining the chapter)"; under constraints one of <see cref="Details"/>): a task
/// never invents a new activity, so the agent keeps its place between tasks of one activity and moves only for a habit
/// that starts within the hour.
/// </summary>
/// <param name="Agent">Who plans.</param>
/// <param name="Hour">The hour's start.</param>
/// <param name="Activity">The schedule's activity for the hour.</param>
/// <param name="UsualDay">
/// The agent's habits. The prompt shows only those around the hour, and only when the activity is one of the habits
/// (an unusual activity, such as an event, fills the hour on its own).
/// </param>
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
    /// <remarks>
    /// Later tasks start on the hour's five-minute marks, each an optional line in order, so the shape itself keeps the
    /// starts rising, inside the hour and at least five minutes apart; a detail is one of <see cref="Details"/>.
    /// </remarks>
    public override string ReplyShape
    {
        get
        {
            var task = "(" + string.Join('|', Activities.Select(Regex.Escape)) + ")( \\((" + string.Join('|', Details.Select(Regex.Escape)) + ")\\))?";
            return $"{Hour.ToString("HH:mm", CultureInfo.InvariantCulture)} {task}" + string.Concat(
                Enumerable.Range(1, 11).Select(i => Hour.AddMinutes(5 * i)).Where(t => t.Hour == Hour.Hour).Select(t => $@"(\n{t.ToString("HH:mm", CultureInfo.InvariantCulture)} {task})?"));
        }
    }

    /// <summary>
    /// The details the reply shape allows in brackets after a task, the teacher's; parsing takes any. Free details let
    /// a small model write whatever follows ("pour drinks (10:30 pour drinks at the bar with David and Pharmacy." What
    /// is the news ...)"), which others then observe as the agent's activity and remember.
    /// </summary>
    public static IReadOnlyList<string> Details { get; } = ["continuing", "carrying on", "wrapping up", "finishing"];

    /// <summary>The activities a task may name: the hour's, then the habits shown.</summary>
    public IReadOnlyList<string> Activities =>
        [.. new[] { Activity }.Concat(HabitsShown.Select(h => h.Activity)).Distinct(StringComparer.Ordinal)];

    /// <inheritdoc />
    /// <remarks>Room for four lines of a long activity with details ("07:45 wake up and go to the Valentine's Day party at Hobbs Cafe (continuing)"): 100 tokens cut one such list short.</remarks>
    public override int MaxReplyTokens => 160;

    /// <inheritdoc />
    public override IReadOnlyList<string> StopSequences => ["\n\n", "\n" + Hour.AddHours(1).ToString("HH", CultureInfo.InvariantCulture) + ":"];

    /// <summary>The habits the prompt shows: those around the hour when the activity is a habit, else none.</summary>
    public IReadOnlyList<RoutineItem> HabitsShown =>
        UsualDay.Any(r => string.Equals(r.Activity, Activity, StringComparison.OrdinalIgnoreCase)) ? Habits.Around(UsualDay, Hour) : [];

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, "Break the hour into tasks of 5 to 15 minutes that fill it (sleep stays one task).")
            .Field("Agent", Agent)
            .Field("Hour", Hour.ToString("HH:mm", CultureInfo.InvariantCulture))
            .Field("Activity", Activity)
            .List("Habits", HabitsShown.Select(Habits.Terse))
            .Reply($"lines of HH:mm task from {Hour.ToString("HH:mm", CultureInfo.InvariantCulture)}.");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out IReadOnlyList<TaskItem> value)
    {
        var starts = new List<PlanItem>();
        var activities = Activities;
        foreach (var line in ReplyText.Lines(reply))
        {
            if (PlanItem.TryParse(line) is not { } item || item.At.Hour != Hour.Hour || (starts.Count == 0 ? item.At != Hour : item.At <= starts[^1].At)
                || !activities.Any(a => NamesActivity(item.Activity, a)))
            {
                value = null;
                return false;
            }

            starts.Add(item);
        }

        var tasks = new List<TaskItem>();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].At.Hour * 60 + starts[i + 1].At.Minute : (Hour.Hour + 1) * 60;
            var minutes = end - (starts[i].At.Hour * 60) - starts[i].At.Minute;
            if (minutes < 5)
            {
                value = null;
                return false;
            }

            tasks.Add(new TaskItem(starts[i].At, minutes, starts[i].Activity));
        }

        value = tasks;
        return tasks.Count > 0;
    }

    /// <summary>True when <paramref name="task"/> is <paramref name="activity"/>, alone or with one "(detail)", as the reply shape allows.</summary>
    private static bool NamesActivity(string task, string activity) =>
        task == activity || (task.StartsWith(activity + " (", StringComparison.Ordinal) && task.EndsWith(')') && task.Length > activity.Length + 3 && task.IndexOfAny(['(', ')'], activity.Length + 2) == task.Length - 1);

    /// <inheritdoc />
    public override string Format(IReadOnlyList<TaskItem> value) =>
        string.Join('\n', value.Select(t => new PlanItem(t.Start, t.Task).ToString()));

    /// <inheritdoc />
    public override IReadOnlyList<TaskItem> Fallback() => [new TaskItem(Hour, 60, Activity)];
}
