namespace Agents.Runtime.Serving;

/// <summary>How the OpenAI-compatible server listens and what it allows.</summary>
/// <param name="Host">Address to bind (loopback unless told otherwise).</param>
/// <param name="Port">Port to bind; 0 picks a free one.</param>
/// <param name="ApiKey">When set, every /v1 and /metrics request must send "Authorization: Bearer KEY".</param>
/// <param name="ModelId">The model name in /v1/models and in replies.</param>
/// <param name="MaxBodyBytes">Largest request body accepted.</param>
/// <param name="MaxTokens">Largest max_tokens a request may ask for (also the default).</param>
public sealed record ServerOptions(
    string Host = "127.0.0.1",
    int Port = 8080,
    string? ApiKey = null,
    string ModelId = "local",
    long MaxBodyBytes = 1 << 20,
    int MaxTokens = 512);
