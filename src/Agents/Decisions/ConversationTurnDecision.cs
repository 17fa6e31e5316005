using System.Diagnostics.CodeAnalysis;

namespace Agents.Decisions;

/// <summary>The speaker's next utterance in a conversation, with an end flag.</summary>
/// <param name="Agent">The speaker.</param>
/// <param name="Partner">Who the speaker talks to.</param>
/// <param name="Place">Where they are.</param>
/// <param name="Time">The game time.</param>
/// <param name="Round">The round (1-based) of at most <paramref name="MaxRounds"/>.</param>
/// <param name="MaxRounds">The round limit.</param>
/// <param name="Memories">The speaker's memories retrieved about the partner and recent news, most important first.</param>
/// <param name="Transcript">The conversation so far, as "Name: utterance"; the prompt shows the latest few.</param>
public sealed record ConversationTurnDecision(
    string Agent,
    string Partner,
    string Place,
    string Time,
    int Round,
    int MaxRounds,
    IReadOnlyList<string> Memories,
    IReadOnlyList<string> Transcript) : Decision<ConversationTurn>
{
    /// <summary>The type name.</summary>
    public const string Name = "conversation_turn";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => "Say: [^\n]{1,240}\nEnd: (yes|no)";

    /// <inheritdoc />
    public override int MaxReplyTokens => 72;

    /// <inheritdoc />
    public override IReadOnlyList<string> StopSequences => ["\n\n", "\nSay:"];

    /// <summary>How many of the latest utterances the prompt shows.</summary>
    public const int LinesShown = 4;

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, "Write the agent's next line to the partner, in character, and whether it ends the conversation.")
            .Field("Agent", Agent)
            .Field("Partner", Partner)
            .Field("Place", Place)
            .Field("Time", Time)
            .Field("Round", $"{Round} of {MaxRounds}")
            .List("Memories", Memories, 450)
            .List("Conversation", Transcript.TakeLast(LinesShown), 560)
            .Reply("Say: ... then End: yes or no.");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out ConversationTurn value)
    {
        var say = ReplyText.Labelled(reply, "Say");
        var end = ReplyText.Labelled(reply, "End")?.TrimEnd('.').ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(say) || say.Length > 240 || end is not ("yes" or "no"))
        {
            value = null;
            return false;
        }

        value = new ConversationTurn(say, end == "yes");
        return true;
    }

    /// <inheritdoc />
    public override string Format(ConversationTurn value) => $"Say: {value.Utterance}\nEnd: {(value.End ? "yes" : "no")}";

    /// <inheritdoc />
    public override ConversationTurn Fallback() => new($"Good to see you, {Partner}. I should get going.", true);
}
