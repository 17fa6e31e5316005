namespace Agents.Runtime.Inference;

/// <summary>How one reply is sampled. Temperature 0 is greedy; the same seed gives the same reply.</summary>
/// <param name="MaxTokens">Most tokens to generate.</param>
/// <param name="Temperature">Softmax temperature; 0 picks the most likely token.</param>
/// <param name="TopK">Keep only the k most likely tokens (0: all).</param>
/// <param name="TopP">Keep the smallest set of tokens whose probability reaches p (1: all).</param>
/// <param name="RepetitionPenalty">Divides positive (multiplies negative) logits of tokens already in the context (1: none).</param>
/// <param name="Seed">Seed of the sampling random source.</param>
/// <param name="Stop">Texts that end the reply (not included in it).</param>
/// <param name="Logprobs">Report each token's log-probability.</param>
/// <param name="TopLogprobs">Also report this many most likely alternatives per token.</param>
/// <param name="Constraint">A regex or JSON schema the reply must match, or null.</param>
public sealed record SamplingOptions(
    int MaxTokens = 128,
    double Temperature = 0,
    int TopK = 0,
    double TopP = 1,
    double RepetitionPenalty = 1,
    int Seed = 0,
    IReadOnlyList<string>? Stop = null,
    bool Logprobs = false,
    int TopLogprobs = 0,
    OutputConstraint? Constraint = null)
{
    /// <summary>Checks the ranges; the message names the option.</summary>
    /// <exception cref="RuntimeOptionException">An option is out of range.</exception>
    public SamplingOptions Validate()
    {
        void Require(bool ok, string what)
        {
            if (!ok)
            {
                throw new RuntimeOptionException($"Sampling options: {what}.");
            }
        }

        Require(MaxTokens >= 0, $"expected max tokens >= 0, found {MaxTokens}");
        Require(Temperature >= 0 && double.IsFinite(Temperature), $"expected temperature >= 0, found {Temperature}");
        Require(TopK >= 0, $"expected top-k >= 0, found {TopK}");
        Require(TopP > 0 && TopP <= 1, $"expected top-p in (0, 1], found {TopP}");
        Require(RepetitionPenalty > 0 && double.IsFinite(RepetitionPenalty), $"expected repetition penalty > 0, found {RepetitionPenalty}");
        Require(TopLogprobs is >= 0 and <= 20, $"expected top logprobs in 0..20, found {TopLogprobs}");
        Require(Stop is null || Stop.All(s => s.Length > 0), "expected non-empty stop sequences");
        return this;
    }
}
