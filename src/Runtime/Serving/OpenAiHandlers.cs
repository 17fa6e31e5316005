using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agents.Runtime.Faces;
using Agents.Runtime.Inference;
using Microsoft.AspNetCore.Http;

namespace Agents.Runtime.Serving;

/// <summary>The endpoint bodies of <see cref="OpenAiServer"/>. Thread-safe.</summary>
internal sealed class OpenAiHandlers(InferenceEngine engine, LocalEmbeddingGenerator embeddings, ServerOptions options, ServerMetrics metrics)
{
    private readonly long created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public IResult Models() => Results.Json(new JsonObject
    {
        ["object"] = "list",
        ["data"] = new JsonArray(new JsonObject { ["id"] = options.ModelId, ["object"] = "model", ["created"] = created, ["owned_by"] = "agents" }),
    });

    public async Task ChatAsync(HttpContext context)
    {
        metrics.Chat();
        using var body = await ReadAsync(context).ConfigureAwait(false);
        var request = ChatCompletionRequest.Parse(body.RootElement, options.MaxTokens);
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N")[..24];
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var aborted = context.RequestAborted;
        if (!request.Stream)
        {
            var result = await engine.GenerateAsync(request.Messages, request.Sampling, aborted).ConfigureAwait(false);
            var choice = new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = result.Text },
                ["logprobs"] = result.Logprobs is { } lp ? Logprobs(lp) : null,
                ["finish_reason"] = Finish(result.Finish),
            };
            await WriteJsonAsync(context, 200, Envelope(id, "chat.completion", now, new JsonArray(choice), Usage(result.PromptTokens, result.CompletionTokens))).ConfigureAwait(false);
            return;
        }

        // Fail before the stream starts (busy, bad constraint) so the client gets a proper status.
        var chunks = engine.StreamAsync(request.Messages, request.Sampling, aborted).GetAsyncEnumerator(aborted);
        await using (chunks.ConfigureAwait(false))
        {
            var first = await chunks.MoveNextAsync().ConfigureAwait(false);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            await SendAsync(context, Envelope(id, "chat.completion.chunk", now, Delta(new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null, null), null)).ConfigureAwait(false);
            GenerationChunk? last = null;
            for (var more = first; more; more = await chunks.MoveNextAsync().ConfigureAwait(false))
            {
                var chunk = chunks.Current;
                last = chunk;
                if (chunk.Text.Length > 0 || chunk.Logprobs is not null)
                {
                    var delta = new JsonObject { ["content"] = chunk.Text };
                    await SendAsync(context, Envelope(id, "chat.completion.chunk", now, Delta(delta, chunk.Logprobs is { } lp ? Logprobs(lp) : null, null), null)).ConfigureAwait(false);
                }
            }

            if (last?.Finish is { } finish)
            {
                await SendAsync(context, Envelope(id, "chat.completion.chunk", now, Delta(new JsonObject(), null, Finish(finish)), null)).ConfigureAwait(false);
                if (request.IncludeUsage)
                {
                    await SendAsync(context, Envelope(id, "chat.completion.chunk", now, [], Usage(last.PromptTokens, last.CompletionTokens))).ConfigureAwait(false);
                }
            }

            await context.Response.WriteAsync("data: [DONE]\n\n", aborted).ConfigureAwait(false);
        }
    }

    public async Task EmbeddingsAsync(HttpContext context)
    {
        metrics.Embeddings();
        using var body = await ReadAsync(context).ConfigureAwait(false);
        var root = body.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("input", out var input))
        {
            throw ApiException.BadField("input", "Expected \"input\": a string or an array of strings.");
        }

        var texts = input.ValueKind == JsonValueKind.String ? [input.GetString()!]
            : input.ValueKind == JsonValueKind.Array && input.GetArrayLength() is > 0 and <= 256 && input.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String)
                ? input.EnumerateArray().Select(i => i.GetString()!).ToList()
            : throw ApiException.BadField("input", "Expected \"input\": a string or an array of 1 to 256 strings (token arrays are not supported).");
        var format = JsonFields.String(root, "encoding_format") ?? "float";
        if (format is not ("float" or "base64"))
        {
            throw ApiException.BadField("encoding_format", $"Expected encoding_format float or base64, found \"{format}\".");
        }

        if (JsonFields.Int(root, "dimensions") is { } dimensions && dimensions != embeddings.Dimensions)
        {
            throw ApiException.BadField("dimensions", $"This model's embeddings have {embeddings.Dimensions} dimensions, not {dimensions}.");
        }

        var vectors = await embeddings.GenerateAsync(texts, null, context.RequestAborted).ConfigureAwait(false);
        var data = new JsonArray();
        for (var i = 0; i < vectors.Count; i++)
        {
            var vector = vectors[i].Vector;
            JsonNode value = format == "base64"
                ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.Span))
                : new JsonArray(vector.ToArray().Select(v => (JsonNode)v).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = value });
        }

        var tokens = texts.Sum(embeddings.CountTokens);
        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = options.ModelId,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        }).ConfigureAwait(false);
    }

    public static Task WriteErrorAsync(HttpContext context, ApiException error)
    {
        context.Response.Clear();
        return WriteJsonAsync(context, error.Status, new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = error.Message, ["type"] = error.Type, ["param"] = error.Param, ["code"] = error.Code },
        });
    }

    private static async Task<JsonDocument> ReadAsync(HttpContext context)
    {
        if (context.Request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiException(415, $"Expected Content-Type application/json, found {type}.", code: "unsupported_media_type");
        }

        return await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
    }

    private static Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8);
    }

    private static async Task SendAsync(HttpContext context, JsonObject chunk)
    {
        await context.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n", context.RequestAborted).ConfigureAwait(false);
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private JsonObject Envelope(string id, string kind, long now, JsonArray choices, JsonObject? usage)
    {
        var envelope = new JsonObject { ["id"] = id, ["object"] = kind, ["created"] = now, ["model"] = options.ModelId, ["choices"] = choices };
        if (usage is not null)
        {
            envelope["usage"] = usage;
        }

        return envelope;
    }

    private static JsonArray Delta(JsonObject delta, JsonObject? logprobs, string? finish) =>
        new(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = logprobs, ["finish_reason"] = finish });

    private static JsonObject Usage(int prompt, int completion) =>
        new() { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion };

    private static string Finish(FinishReason finish) => finish == FinishReason.Length ? "length" : "stop";

    private static JsonObject Logprobs(IReadOnlyList<TokenLogprob> tokens) => new()
    {
        ["content"] = new JsonArray(tokens.Select(t => (JsonNode)new JsonObject
        {
            ["token"] = t.Text,
            ["logprob"] = t.Logprob,
            ["bytes"] = new JsonArray(Encoding.UTF8.GetBytes(t.Text).Select(b => (JsonNode)(int)b).ToArray()),
            ["top_logprobs"] = new JsonArray(t.Top.Select(a => (JsonNode)new JsonObject { ["token"] = a.Text, ["logprob"] = a.Logprob }).ToArray()),
        }).ToArray()),
    };
}
