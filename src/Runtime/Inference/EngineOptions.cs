namespace Agents.Runtime.Inference;

/// <summary>Capacity of an <see cref="InferenceEngine"/>.</summary>
/// <param name="Slots">Replies decoded together (KV cache rows).</param>
/// <param name="MaxQueue">Requests that may wait for a slot; beyond that, requests are refused.</param>
/// <param name="MaxTokens">Most tokens one reply may ask for.</param>
public sealed record EngineOptions(int Slots = 8, int MaxQueue = 64, int MaxTokens = 1024);
