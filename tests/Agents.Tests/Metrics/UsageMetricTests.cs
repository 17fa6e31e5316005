using Agents.Metrics;

namespace Agents.Tests.Metrics;

public sealed class UsageMetricTests
{
    [Fact]
    public void Replies_that_parsed_are_the_decisions_answered_over_the_calls_made()
    {
        // importance: 10 decisions, 2 replies retried once, 1 decision fell back after 3 bad replies: 9 good of 10 + 2 + 2 calls.
        // reaction: 4 decisions, every first reply parsed. The scripted mind's rows have no calls.
        var usage = new UsageMetric(
            Decisions: 14, Fallbacks: 1, Calls: 18, PromptTokens: 0, CompletionTokens: 0, AgentHours: 2,
            ByDecision: new Dictionary<string, (long, long, long)> { ["importance"] = (10, 1, 14), ["reaction"] = (4, 0, 4) });

        Assert.Equal(13.0 / 18, usage.ParsedReplyRate!.Value, 9);
        var rows = usage.ByDecisionMostFirst.ToDictionary(r => r.Decision, r => r.Parsed);
        Assert.Equal(9.0 / 14, rows["importance"]!.Value, 9);
        Assert.Equal(1.0, rows["reaction"]);

        var scripted = new UsageMetric(5, 0, 0, 0, 0, 1, new Dictionary<string, (long, long, long)> { ["importance"] = (5, 0, 0) });
        Assert.Null(scripted.ParsedReplyRate);
        Assert.Null(Assert.Single(scripted.ByDecisionMostFirst).Parsed);
    }
}
