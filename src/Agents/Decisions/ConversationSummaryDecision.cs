using System.Diagnostics.CodeAnalysis;

namespace Agents.Decisions;

/// <summary>After a conversation: a summary of it and a memo on what it means for the agent's plans.</summary>
/// <param name="Agent">Who remembers.</param>
/// <param name="Partner">Who it talked with.</param>
/// <param name="Place">Where.</param>
/// <param name="Transcript">The conversation as "Name: utterance".</param>
public sealed record ConversationSummaryDecision(
    string Agent,
    string Partner,
    string Place,
    IReadOnlyList<string> Transcript) : Decision<ConversationSummary>
{
    /// <summary>The type name.</summary>
    public const string Name = "conversation_summary";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => "Summary: [^\n]{1,300}\nMemo: [^\n]{1,200}";

    /// <inheritdoc />
    public override int MaxReplyTokens => 140;

    /// <inheritdoc />
    public override IReadOnlyList<string> StopSequences => ["\n\n", "\nSummary:"];

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, "Summarise the conversation for the agent, keeping any news heard, and write a memo on what it means for the agent's plans.")
            .Field("Agent", Agent)
            .Field("Partner", Partner)
            .Field("Place", Place)
            .List("Conversation", Transcript, 1000)
            .Reply("Summary: ... then Memo: ...");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out ConversationSummary value)
    {
        var summary = ReplyText.Labelled(reply, "Summary");
        var memo = ReplyText.Labelled(reply, "Memo");
        if (string.IsNullOrWhiteSpace(summary) || string.IsNullOrWhiteSpace(memo) || summary.Length > 300 || memo.Length > 200)
        {
            value = null;
            return false;
        }

        value = new ConversationSummary(summary, memo);
        return true;
    }

    /// <inheritdoc />
    public override string Format(ConversationSummary value) => $"Summary: {value.Summary}\nMemo: {value.Memo}";

    /// <inheritdoc />
    public override ConversationSummary Fallback() =>
        new($"I talked with {Partner} at {Place}.", $"Nothing to change in my plans after talking with {Partner}.");
}
