using System.Diagnostics.CodeAnalysis;

namespace Agents.Decisions;

/// <summary>Whether to react to someone the agent noticed: continue, talk to them, or wait.</summary>
/// <param name="Agent">Who reacts.</param>
/// <param name="Activity">What the agent is doing.</param>
/// <param name="Other">The agent noticed.</param>
/// <param name="Observed">What was noticed, in words.</param>
/// <param name="Time">The game time ("Monday 09:30").</param>
/// <param name="Memories">Memories retrieved about the other agent and the observation.</param>
public sealed record ReactionDecision(
    string Agent,
    string Activity,
    string Other,
    string Observed,
    string Time,
    IReadOnlyList<string> Memories) : Decision<ReactionKind>
{
    /// <summary>The type name.</summary>
    public const string Name = "reaction";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => "(continue|talk|wait)";

    /// <inheritdoc />
    public override int MaxReplyTokens => 4;

    /// <inheritdoc />
    public override IReadOnlyList<string> StopSequences => ReplyEnds.Line;

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, "The agent notices someone: continue what it is doing, talk to them, or wait for them?")
            .Field("Agent", Agent)
            .Field("Time", Time)
            .Field("Doing", Activity)
            .Field("Other", Other)
            .Field("Observed", Observed)
            .List("Memories", Memories, 450)
            .Reply("continue, talk or wait.");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out ReactionKind value)
    {
        switch (reply.Trim().TrimEnd('.').ToLowerInvariant())
        {
            case "continue":
                value = ReactionKind.Continue;
                return true;
            case "talk":
                value = ReactionKind.Talk;
                return true;
            case "wait":
                value = ReactionKind.Wait;
                return true;
            default:
                value = default;
                return false;
        }
    }

    /// <inheritdoc />
    public override string Format(ReactionKind value) => value.ToString().ToLowerInvariant();

    /// <inheritdoc />
    public override ReactionKind Fallback() => ReactionKind.Continue;
}
