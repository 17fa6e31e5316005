using System.Text.Json;
using Agents.Runtime.Inference;
using Agents.Runtime.Tokenization;

namespace Agents.Runtime.Serving;

/// <summary>A parsed and checked <c>POST /v1/chat/completions</c> body.</summary>
/// <param name="Messages">The conversation, in the runtime's roles.</param>
/// <param name="Sampling">Sampling options, constraint included.</param>
/// <param name="Stream">Reply as server-sent events.</param>
/// <param name="IncludeUsage">Send a usage chunk before [DONE] when streaming.</param>
public sealed record ChatCompletionRequest(IReadOnlyList<ChatMessage> Messages, SamplingOptions Sampling, bool Stream, bool IncludeUsage)
{
    /// <summary>Parses <paramref name="body"/>; every problem is an <see cref="ApiException"/> naming the field.</summary>
    public static ChatCompletionRequest Parse(JsonElement body, int maxTokens)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ApiException(400, "Expected a JSON object as the request body.");
        }

        if (body.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array && tools.GetArrayLength() > 0)
        {
            throw ApiException.BadField("tools", "Tools are not supported by this local model.");
        }

        if (body.TryGetProperty("n", out var n) && n.ValueKind != JsonValueKind.Null && (!n.TryGetInt32(out var count) || count != 1))
        {
            throw ApiException.BadField("n", "Only n = 1 is supported.");
        }

        var messages = ParseMessages(body);
        var tokens = JsonFields.Int(body, "max_completion_tokens") ?? JsonFields.Int(body, "max_tokens") ?? maxTokens;
        if (tokens < 1 || tokens > maxTokens)
        {
            throw ApiException.BadField("max_tokens", $"Expected max_tokens in 1..{maxTokens}, found {tokens}.");
        }

        var temperature = JsonFields.Number(body, "temperature") ?? 1.0;
        if (temperature < 0 || temperature > 2)
        {
            throw ApiException.BadField("temperature", $"Expected temperature in 0..2, found {temperature}.");
        }

        var topP = JsonFields.Number(body, "top_p") ?? 1.0;
        if (topP <= 0 || topP > 1)
        {
            throw ApiException.BadField("top_p", $"Expected top_p in (0, 1], found {topP}.");
        }

        var stop = Stop(body);
        var stream = JsonFields.Bool(body, "stream") ?? false;
        var includeUsage = body.TryGetProperty("stream_options", out var streamOptions) && streamOptions.ValueKind == JsonValueKind.Object && (JsonFields.Bool(streamOptions, "include_usage") ?? false);
        var logprobs = JsonFields.Bool(body, "logprobs") ?? false;
        var topLogprobs = JsonFields.Int(body, "top_logprobs") ?? 0;
        if (topLogprobs is < 0 or > 20)
        {
            throw ApiException.BadField("top_logprobs", $"Expected top_logprobs in 0..20, found {topLogprobs}.");
        }

        var seed = JsonFields.Long(body, "seed");
        var sampling = new SamplingOptions(
            MaxTokens: tokens,
            Temperature: temperature,
            TopK: JsonFields.Int(body, "top_k") ?? 0,
            TopP: topP,
            RepetitionPenalty: JsonFields.Number(body, "repetition_penalty") ?? 1,
            Seed: seed is { } s ? unchecked((int)s ^ (int)(s >> 32)) : Environment.TickCount,
            Stop: stop,
            Logprobs: logprobs,
            TopLogprobs: logprobs ? topLogprobs : 0,
            Constraint: ResponseFormat(body));
        try
        {
            sampling.Validate();
        }
        catch (RuntimeOptionException ex)
        {
            throw new ApiException(400, ex.Message, code: "invalid_value");
        }

        return new ChatCompletionRequest(messages, sampling, stream, includeUsage);
    }

    private static List<ChatMessage> ParseMessages(JsonElement body)
    {
        if (!body.TryGetProperty("messages", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            throw ApiException.BadField("messages", "Expected \"messages\": a non-empty array of {role, content}.");
        }

        var messages = new List<ChatMessage>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var where = $"messages[{index++}]";
            if (item.ValueKind != JsonValueKind.Object || JsonFields.String(item, "role") is not { } role)
            {
                throw ApiException.BadField(where, $"Expected {where} to be an object with a string \"role\".");
            }

            var mapped = role switch
            {
                "system" or "developer" => "system",
                "user" or "tool" or "function" => "user",
                "assistant" => "assistant",
                _ => throw ApiException.BadField($"{where}.role", $"Expected {where}.role to be system, developer, user, assistant or tool, found \"{role}\"."),
            };
            messages.Add(new ChatMessage(mapped, Content(item, where)));
        }

        return messages;
    }

    private static string Content(JsonElement message, string where)
    {
        if (!message.TryGetProperty("content", out var content) || content.ValueKind == JsonValueKind.Null)
        {
            return string.Empty;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString()!;
        }

        if (content.ValueKind == JsonValueKind.Array)
        {
            var parts = new List<string>();
            foreach (var part in content.EnumerateArray())
            {
                if (part.ValueKind != JsonValueKind.Object || JsonFields.String(part, "type") != "text" || JsonFields.String(part, "text") is not { } text)
                {
                    throw ApiException.BadField($"{where}.content", $"Expected {where}.content parts of type \"text\" (this model reads text only).");
                }

                parts.Add(text);
            }

            return string.Concat(parts);
        }

        throw ApiException.BadField($"{where}.content", $"Expected {where}.content to be a string or an array of text parts.");
    }

    private static string[]? Stop(JsonElement body)
    {
        if (!body.TryGetProperty("stop", out var stop) || stop.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var values = stop.ValueKind == JsonValueKind.String ? [stop.GetString()!]
            : stop.ValueKind == JsonValueKind.Array && stop.EnumerateArray().All(s => s.ValueKind == JsonValueKind.String) ? stop.EnumerateArray().Select(s => s.GetString()!).ToArray()
            : throw ApiException.BadField("stop", "Expected \"stop\" to be a string or an array of strings.");
        return values.Length is > 0 and <= 4 && values.All(v => v.Length > 0)
            ? values
            : throw ApiException.BadField("stop", "Expected 1 to 4 non-empty stop sequences.");
    }

    private static OutputConstraint? ResponseFormat(JsonElement body)
    {
        if (!body.TryGetProperty("response_format", out var format) || format.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        try
        {
            return JsonFields.String(format, "type") switch
            {
                "text" => null,
                "json_object" => OutputConstraint.ForRegex(Faces.ChatOptionsMapping.FlatJsonObjectPattern),
                "json_schema" when format.TryGetProperty("json_schema", out var spec) && spec.ValueKind == JsonValueKind.Object && spec.TryGetProperty("schema", out var schema) =>
                    Checked(OutputConstraint.ForJsonSchema(schema)),
                "json_schema" => throw ApiException.BadField("response_format.json_schema", "Expected response_format.json_schema to be an object with a \"schema\"."),
                var other => throw ApiException.BadField("response_format.type", $"Expected response_format.type text, json_object or json_schema, found \"{other}\"."),
            };
        }
        catch (ConstraintException ex)
        {
            throw ApiException.BadField("response_format", ex.Message);
        }
    }

    private static OutputConstraint Checked(OutputConstraint constraint)
    {
        Inference.Constraints.CharAutomaton.FromRegex(constraint.ToPattern());
        return constraint;
    }
}
