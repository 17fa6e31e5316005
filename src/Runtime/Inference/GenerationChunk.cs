namespace Agents.Runtime.Inference;

/// <summary>A piece of a streamed reply: new text (possibly empty), the tokens behind it, and on the last chunk the finish reason.</summary>
/// <param name="Text">Text added since the previous chunk.</param>
/// <param name="Logprobs">Log-probabilities of the tokens of this chunk, when asked.</param>
/// <param name="Finish">Set on the last chunk.</param>
/// <param name="PromptTokens">Tokens in the prompt.</param>
/// <param name="CompletionTokens">Tokens generated so far.</param>
public sealed record GenerationChunk(string Text, IReadOnlyList<TokenLogprob>? Logprobs, FinishReason? Finish, int PromptTokens, int CompletionTokens);
