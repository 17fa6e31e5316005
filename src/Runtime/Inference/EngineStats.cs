namespace Agents.Runtime.Inference;

/// <summary>Counters of an engine since it started.</summary>
/// <param name="Requests">Requests accepted.</param>
/// <param name="Refused">Requests refused because the queue was full.</param>
/// <param name="PromptTokens">Prompt tokens received.</param>
/// <param name="PrefillTokens">Prompt tokens computed (the rest came from prefix reuse).</param>
/// <param name="CompletionTokens">Tokens generated.</param>
/// <param name="Active">Replies being decoded now.</param>
/// <param name="Waiting">Requests waiting for a slot now.</param>
/// <param name="DecodeSeconds">Time spent in model steps.</param>
public sealed record EngineStats(long Requests, long Refused, long PromptTokens, long PrefillTokens, long CompletionTokens, int Active, int Waiting, double DecodeSeconds)
{
    /// <summary>Generated tokens per second of model time.</summary>
    public double TokensPerSecond => DecodeSeconds > 0 ? CompletionTokens / DecodeSeconds : 0;
}
