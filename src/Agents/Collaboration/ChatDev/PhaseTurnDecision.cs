using System.Diagnostics.CodeAnalysis;
using Agents.Decisions;

namespace Agents.Collaboration.ChatDev;

/// <summary>
/// A turn of a chat-chain phase: the role, its instruction, the phase's prompt and the conversation so far. A reply
/// whose last line starts with "&lt;INFO&gt;" concludes the phase. Any non-empty reply parses.
/// </summary>
/// <param name="Agent">The speaking role.</param>
/// <param name="Partner">The role spoken to.</param>
/// <param name="RoleInstruction">The role's system prompt.</param>
/// <param name="Phase">The phase's name.</param>
/// <param name="Prompt">The phase's filled prompt.</param>
/// <param name="Conversation">The phase so far, one "role: text" line per turn.</param>
/// <param name="Reflection">True for the neutral pair's one-turn reflection.</param>
/// <param name="Attachments">Verbatim "Attached name:" blocks (code files, test reports) placed before the reply line; null for none.</param>
public sealed record PhaseTurnDecision(string Agent, string Partner, string RoleInstruction, string Phase, string Prompt, IReadOnlyList<string> Conversation, bool Reflection = false, IReadOnlyList<string>? Attachments = null) : Decision<string>
{
    /// <summary>The type name.</summary>
    public const string Name = "chat chain turn";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape => @"[^\n]+(\n[^\n]*)*";

    /// <inheritdoc />
    public override int MaxReplyTokens => 400;

    /// <inheritdoc />
    public override string Render() =>
        PromptAttachments.Insert(
            new PromptBuilder(
                    Name,
                    Reflection
                        ? "Read the conversation of the phase and answer its question yourself; end with a last line \"<INFO> your conclusion\"."
                        : "Play your role in the phase. When the phase's goal is reached, end with a last line \"<INFO> the conclusion\".")
                .Field("Agent", Agent)
                .Field("Partner", Partner)
                .Field("Role", RoleInstruction)
                .Field("Phase", Phase)
                .Field("Reflection", Reflection ? "yes" : null)
                .Field("Prompt", DebateAnswerDecision.OneLine(Prompt))
                .List("Conversation", Conversation)
                .Reply("your message; a last line \"<INFO> ...\" concludes the phase; code goes in fenced blocks, each after a line with its file name."),
            Attachments);

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out string value)
    {
        value = reply.Trim();
        return value.Length > 0;
    }

    /// <inheritdoc />
    public override string Format(string value) => value;

    /// <inheritdoc />
    public override string Fallback() => "(no reply)";
}
