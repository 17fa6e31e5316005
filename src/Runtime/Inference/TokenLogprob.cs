namespace Agents.Runtime.Inference;

/// <summary>One generated token with its log-probability under the model, and the most likely alternatives when asked.</summary>
/// <param name="TokenId">The token id.</param>
/// <param name="Text">The token's text.</param>
/// <param name="Logprob">Natural log of its probability (before sampling filters).</param>
/// <param name="Top">Most likely alternatives, best first (empty unless asked).</param>
public sealed record TokenLogprob(int TokenId, string Text, double Logprob, IReadOnlyList<(int TokenId, string Text, double Logprob)> Top);
