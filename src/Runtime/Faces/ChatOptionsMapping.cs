using System.Text.Json;
using Agents.Runtime.Inference;
using Microsoft.Extensions.AI;

namespace Agents.Runtime.Faces;

/// <summary>Maps Microsoft.Extensions.AI chat options onto <see cref="SamplingOptions"/>.</summary>
public static class ChatOptionsMapping
{
    /// <summary>
    /// A flat JSON object (string, number, boolean or null values): what "JSON mode" without a schema constrains to,
    /// since arbitrary nesting is not regular.
    /// </summary>
    public const string FlatJsonObjectPattern =
        "\\{(\"([^\"\\\\\\u0000-\\u001f]|\\\\[\"\\\\/bfnrt]){1,40}\":(\"([^\"\\\\\\u0000-\\u001f]|\\\\[\"\\\\/bfnrt]){0,200}\"|-?(0|[1-9][0-9]{0,11})(\\.[0-9]{1,6})?|true|false|null)" +
        "(,\"([^\"\\\\\\u0000-\\u001f]|\\\\[\"\\\\/bfnrt]){1,40}\":(\"([^\"\\\\\\u0000-\\u001f]|\\\\[\"\\\\/bfnrt]){0,200}\"|-?(0|[1-9][0-9]{0,11})(\\.[0-9]{1,6})?|true|false|null)){0,15})?\\}";

    /// <summary>
    /// Sampling options from <paramref name="options"/>: temperature, top-p, top-k, max output tokens, stop sequences,
    /// seed, response format (JSON schema, JSON, text), and the additional properties "repetition_penalty",
    /// "logprobs", "top_logprobs" and "guided_regex" (a regex the whole reply must match). Unset values take <paramref name="defaults"/>.
    /// </summary>
    public static SamplingOptions ToSampling(ChatOptions? options, SamplingOptions defaults)
    {
        if (options is null)
        {
            return defaults;
        }

        var extra = options.AdditionalProperties;
        return defaults with
        {
            Temperature = options.Temperature ?? defaults.Temperature,
            TopP = options.TopP ?? defaults.TopP,
            TopK = options.TopK ?? defaults.TopK,
            MaxTokens = options.MaxOutputTokens ?? defaults.MaxTokens,
            Stop = options.StopSequences is { Count: > 0 } stop ? stop.ToArray() : defaults.Stop,
            Seed = options.Seed is { } seed ? unchecked((int)seed ^ (int)(seed >> 32)) : defaults.Seed,
            RepetitionPenalty = extra?.TryGetValue("repetition_penalty", out double penalty) == true ? penalty : defaults.RepetitionPenalty,
            Logprobs = extra?.TryGetValue("logprobs", out bool logprobs) == true ? logprobs : defaults.Logprobs,
            TopLogprobs = extra?.TryGetValue("top_logprobs", out int top) == true ? top : defaults.TopLogprobs,
            Constraint = options.ResponseFormat switch
            {
                ChatResponseFormatJson { Schema: { } schema } => OutputConstraint.ForJsonSchema(schema),
                ChatResponseFormatJson => OutputConstraint.ForRegex(FlatJsonObjectPattern),
                _ when extra?.TryGetValue(RegexProperty, out string? regex) == true && !string.IsNullOrEmpty(regex) => OutputConstraint.ForRegex(regex),
                _ => defaults.Constraint,
            },
        };
    }

    /// <summary>
    /// The additional property that constrains a reply to a regex (vLLM's name for it, so a mind that sets it is
    /// constrained by vLLM servers too).
    /// </summary>
    public const string RegexProperty = "guided_regex";

    /// <summary>A JSON schema element from its text (for tests and callers that hold a string).</summary>
    public static JsonElement ParseSchema(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
