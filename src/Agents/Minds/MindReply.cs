namespace Agents.Minds;

/// <summary>A mind's reply to one decision, with what it cost.</summary>
/// <param name="Text">The raw reply, or null when there is none (error, budget spent).</param>
/// <param name="Calls">Model calls made for it (0 for a scripted mind).</param>
/// <param name="PromptTokens">Prompt tokens spent.</param>
/// <param name="CompletionTokens">Completion tokens spent.</param>
public sealed record MindReply(string? Text, int Calls = 0, long PromptTokens = 0, long CompletionTokens = 0);
