using System.Globalization;
using System.Text;
using Agents.Runtime.Inference;

namespace Agents.Runtime.Serving;

/// <summary>Counters of the HTTP face, written as Prometheus text together with the engine's. Thread-safe.</summary>
public sealed class ServerMetrics
{
    private long httpRequests, errors, chatRequests, embeddingRequests;

    /// <summary>Counts one HTTP request and, when <paramref name="status"/> is 4xx or 5xx, one error.</summary>
    public void Request(int status)
    {
        Interlocked.Increment(ref httpRequests);
        if (status >= 400)
        {
            Interlocked.Increment(ref errors);
        }
    }

    /// <summary>Counts a chat completion request.</summary>
    public void Chat() => Interlocked.Increment(ref chatRequests);

    /// <summary>Counts an embeddings request.</summary>
    public void Embeddings() => Interlocked.Increment(ref embeddingRequests);

    /// <summary>The Prometheus exposition text.</summary>
    public string Render(EngineStats engine)
    {
        var text = new StringBuilder();
        void Line(string name, string help, string type, double value) => text
            .Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n{name} ")
            .Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        Line("agents_http_requests_total", "HTTP requests answered.", "counter", Interlocked.Read(ref httpRequests));
        Line("agents_http_errors_total", "HTTP requests answered with an error status.", "counter", Interlocked.Read(ref errors));
        Line("agents_chat_requests_total", "Chat completion requests.", "counter", Interlocked.Read(ref chatRequests));
        Line("agents_embedding_requests_total", "Embedding requests.", "counter", Interlocked.Read(ref embeddingRequests));
        Line("agents_generation_requests_total", "Generation requests accepted by the engine.", "counter", engine.Requests);
        Line("agents_generation_refused_total", "Generation requests refused because the queue was full.", "counter", engine.Refused);
        Line("agents_prompt_tokens_total", "Prompt tokens received.", "counter", engine.PromptTokens);
        Line("agents_prefill_tokens_total", "Prompt tokens computed (the rest were reused from the cache).", "counter", engine.PrefillTokens);
        Line("agents_completion_tokens_total", "Tokens generated.", "counter", engine.CompletionTokens);
        Line("agents_active_requests", "Replies being decoded.", "gauge", engine.Active);
        Line("agents_queue_depth", "Requests waiting for a slot.", "gauge", engine.Waiting);
        Line("agents_tokens_per_second", "Generated tokens per second of model time.", "gauge", engine.TokensPerSecond);
        return text.ToString();
    }
}
