namespace Agents.Metrics;

/// <summary>What the mind cost: decisions, fallbacks, model calls and tokens, also per agent and game hour.</summary>
/// <param name="Decisions">Decisions asked.</param>
/// <param name="Fallbacks">Decisions whose reply could not be parsed.</param>
/// <param name="Calls">Model calls (0 for the scripted mind).</param>
/// <param name="PromptTokens">Prompt tokens.</param>
/// <param name="CompletionTokens">Completion tokens.</param>
/// <param name="AgentHours">Agents times game hours run.</param>
/// <param name="ByDecision">Decisions, fallbacks and model calls by decision type.</param>
public sealed record UsageMetric(long Decisions, long Fallbacks, long Calls, long PromptTokens, long CompletionTokens, double AgentHours, IReadOnlyDictionary<string, (long Decisions, long Fallbacks, long Calls)> ByDecision)
{
    /// <summary>
    /// Share of the model's replies that parsed, or null when no model was called (a scripted mind). Every call is one
    /// reply, and a decision that did not fall back ended on exactly one reply that parsed, so this is
    /// (decisions - fallbacks) / calls: 100% when constrained decoding holds every reply to its shape, and without
    /// constraints the model's own structural validity (retries count as the replies that failed).
    /// </summary>
    public double? ParsedReplyRate => ParsedRate(Decisions, Fallbacks, Calls);

    /// <summary>Share of decisions that fell back.</summary>
    public double FallbackRate => Decisions == 0 ? 0 : (double)Fallbacks / Decisions;

    /// <summary>Model calls per agent and game hour.</summary>
    public double CallsPerAgentHour => AgentHours <= 0 ? 0 : Calls / AgentHours;

    /// <summary>Tokens (prompt and completion) per agent and game hour.</summary>
    public double TokensPerAgentHour => AgentHours <= 0 ? 0 : (PromptTokens + CompletionTokens) / AgentHours;

    /// <summary>Decisions per agent and game hour.</summary>
    public double DecisionsPerAgentHour => AgentHours <= 0 ? 0 : Decisions / AgentHours;

    /// <summary>
    /// One row per decision type, most asked first: decisions, decisions per agent and game hour, fallbacks, and the
    /// share of the model's replies that parsed (null without model calls).
    /// </summary>
    public IEnumerable<(string Decision, long Decisions, double PerAgentHour, long Fallbacks, double? Parsed)> ByDecisionMostFirst =>
        ByDecision.OrderByDescending(d => d.Value.Decisions).ThenBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => (d.Key, d.Value.Decisions, AgentHours <= 0 ? 0 : d.Value.Decisions / AgentHours, d.Value.Fallbacks, ParsedRate(d.Value.Decisions, d.Value.Fallbacks, d.Value.Calls)));

    private static double? ParsedRate(long decisions, long fallbacks, long calls) => calls <= 0 ? null : Math.Min(1, (double)(decisions - fallbacks) / calls);
}
