using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Agents.Decisions;

namespace Agents.Collaboration;

/// <summary>
/// The moderator's verdict after a round: a JSON object
/// <c>{"preference": true|false, "side": "affirmative"|"negative"|"", "reason": "...", "answer": "..."}</c>.
/// A preference needs a side and an answer. The fallback is "no preference" (the debate goes on).
/// </summary>
/// <param name="Agent">The moderator.</param>
/// <param name="Topic">The question.</param>
/// <param name="Round">The round just finished, from 0.</param>
/// <param name="Debate">The debate so far, one "speaker: text" line per turn.</param>
public sealed record VerdictDecision(string Agent, string Topic, int Round, IReadOnlyList<string> Debate) : Decision<Verdict>
{
    /// <summary>The type name.</summary>
    public const string Name = "debate verdict";

    /// <inheritdoc />
    public override string Type => Name;

    /// <inheritdoc />
    public override string ReplyShape =>
        @"\{""preference"": (true|false), ""side"": ""(affirmative|negative|)"", ""reason"": ""[^""\n]*"", ""answer"": ""[^""\n]*""\}";

    /// <inheritdoc />
    public override int MaxReplyTokens => 120;

    /// <inheritdoc />
    public override string Render() =>
        new PromptBuilder(Name, "You moderate the debate. Decide whether one side is clearly right. Only prefer a side when you are sure; otherwise the debate goes on.")
            .Field("Agent", Agent)
            .Field("Question", Topic)
            .Field("Round", Round.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .List("Debate", Debate)
            .Reply("{\"preference\": true or false, \"side\": \"affirmative\", \"negative\" or \"\", \"reason\": \"...\", \"answer\": \"...\"}");

    /// <inheritdoc />
    public override bool TryParse(string reply, [MaybeNullWhen(false)] out Verdict value)
    {
        value = null;
        var start = reply.IndexOf('{', StringComparison.Ordinal);
        var end = reply.LastIndexOf('}');
        if (start < 0 || end <= start)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(reply[start..(end + 1)]);
            var root = document.RootElement;
            if (!root.TryGetProperty("preference", out var preference) || preference.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return false;
            }

            var sideText = root.TryGetProperty("side", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()!.Trim().ToLowerInvariant() : string.Empty;
            DebateSide? side = sideText switch
            {
                "affirmative" => DebateSide.Affirmative,
                "negative" => DebateSide.Negative,
                _ => null,
            };
            var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : string.Empty;
            var answer = root.TryGetProperty("answer", out var a) && a.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? FinalAnswer.Normalize(a.ValueKind == JsonValueKind.String ? a.GetString()! : a.GetRawText())
                : string.Empty;
            if (preference.GetBoolean() && (side is null || answer.Length == 0))
            {
                return false;
            }

            value = new Verdict(preference.GetBoolean(), preference.GetBoolean() ? side : null, reason, preference.GetBoolean() ? answer : string.Empty);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override string Format(Verdict value) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["preference"] = value.HasPreference,
            ["side"] = value.Side switch { DebateSide.Affirmative => "affirmative", DebateSide.Negative => "negative", _ => string.Empty },
            ["reason"] = value.Reason,
            ["answer"] = value.Answer,
        }).Replace("\":", "\": ", StringComparison.Ordinal).Replace(",\"", ", \"", StringComparison.Ordinal);

    /// <inheritdoc />
    public override Verdict Fallback() => new(false, null, string.Empty, string.Empty);
}
