namespace Agents.Minds;

/// <summary>How a <see cref="ModelMind"/> calls its model.</summary>
/// <param name="Temperature">Sampling temperature.</param>
/// <param name="Retries">Extra attempts when a reply does not parse or the call fails.</param>
/// <param name="CallBudget">The most model calls the mind makes in its life (a run), or null for no limit; beyond it decisions fall back.</param>
/// <param name="MaxConcurrency">Calls in flight at once within a batch.</param>
/// <param name="Seed">The seed passed to the model with each call, when it takes one.</param>
/// <param name="ConstrainReplies">
/// Send each decision's reply shape as the additional property "guided_regex", so a model that supports constrained
/// decoding (the bundled runtime, vLLM) can only write replies that parse.
/// </param>
public sealed record ModelMindOptions(double Temperature = 0.7, int Retries = 2, int? CallBudget = null, int MaxConcurrency = 4, long? Seed = null, bool ConstrainReplies = false);
