using System.Diagnostics.CodeAnalysis;

namespace Agents.Decisions;

/// <summary>
/// Where to do a task, one level at a time: a sector among those the agent knows, then an arena in it, then an
/// object in that arena. The reply is one of the options, verbatim.
/// </summary>
/// <param name="Agent">Who chooses.</param>
/// <param name="Task">The task to place.</param>
/// <param name="Level">Sector, arena or object.</param>
/// <param name="Within">The place chosen so far ("Hobbs Cafe", "Hobbs Cafe:cafe"), empty for a sector.</param>
/// <param name="CurrentPlace">Where the agent is now (sector:arena), or empty.</param>
/// <param name="Home">The agent's home (sector:arena).</param>
/// <param name="Habits">The agent's habits with their addresses ("HH:mm activity (address)"); the prompt shows the few that fit the task.</param>
/// <param name="Options">The names to choose from.</param>
public sealed record PlaceChoiceDecision(
    string Agent,
    string Task,
    PlaceLevel Level,
    string Within,
    string CurrentPlace,
    string Home,
    IReadOnlyList<string> Habits,
    IReadOnlyList<string> Options) : Decision<string>
{
    /// <summary>The type name.</summary>
    public const string Name = "place_choice";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => "(" + string.Join('|', Options.Select(System.Text.RegularExpressions.Regex.Escape)) + ")";

    /// <inheritdoc />
    public override int MaxReplyTokens => 16;

    /// <inheritdoc />
    public override IReadOnlyList<string> StopSequences => ReplyEnds.Line;

    /// <summary>How many habits the prompt shows at most.</summary>
    public const int HabitsShown = 3;

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, "Choose where the agent does the task: one of the options, exactly as written.")
            .Field("Agent", Agent)
            .Field("Task", Task)
            .Field("Level", Level.ToString().ToLowerInvariant())
            .Field("Within", Within)
            .Field("Now at", CurrentPlace)
            .Field("Home", Home)
            .List("Habits", Decisions.Habits.Relevant(Task, Habits, Within, HabitsShown))
            .List("Options", Options)
            .Reply("one option.");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out string value)
    {
        var text = reply.Trim().Trim('"', '.', '\'').Trim();
        value = Options.FirstOrDefault(o => string.Equals(o, text, StringComparison.OrdinalIgnoreCase));
        return value is not null;
    }

    /// <inheritdoc />
    public override string Format(string value) => value;

    /// <inheritdoc />
    public override string Fallback()
    {
        var home = Home.Split(':');
        var level = (int)Level;
        if (level < home.Length && Options.FirstOrDefault(o => string.Equals(o, home[level], StringComparison.Ordinal)) is { } mine)
        {
            return mine;
        }

        return Options.Count > 0 ? Options[0] : string.Empty;
    }
}
