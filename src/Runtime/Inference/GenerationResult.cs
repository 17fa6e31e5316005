namespace Agents.Runtime.Inference;

/// <summary>A whole reply.</summary>
/// <param name="Text">The reply (without the end token and stop sequence).</param>
/// <param name="Finish">Why it ended.</param>
/// <param name="PromptTokens">Tokens in the prompt.</param>
/// <param name="CompletionTokens">Tokens generated.</param>
/// <param name="Logprobs">Per-token log-probabilities, when asked.</param>
public sealed record GenerationResult(string Text, FinishReason Finish, int PromptTokens, int CompletionTokens, IReadOnlyList<TokenLogprob>? Logprobs);
