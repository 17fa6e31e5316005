using Agents.Collaboration.AgentVerse;

namespace Agents.Tests.Collaboration.AgentVerse;

public sealed class AgentVerseTests
{
    // The solver answers 13 until a critic or advice says 12; the evaluator scores 12 as right.
    private static RuleMind Team(bool criticKnows) => new(p => p.Split('\n')[0] switch
    {
        RecruitDecision.Name => RuleMind.Field(p, "Advice") == "(none)"
            ? "1. a solver\n2. a checker\n3. a second checker"
            : "1. a careful solver\n2. an arithmetic checker\n3. a second checker",
        ExpertTurnDecision.Name when RuleMind.Field(p, "Part") == "critic" =>
            criticKnows && RuleMind.Field(p, "Draft")!.Contains("13", StringComparison.Ordinal) ? "Wrong: 3*4 is 12." : "[Agree]",
        ExpertTurnDecision.Name => string.Join(' ', RuleMind.List(p, "Discussion")).Contains("12", StringComparison.Ordinal) || RuleMind.Field(p, "Advice")!.Contains("12", StringComparison.Ordinal)
            ? "3*4 = 12\nAnswer: 12"
            : "3*4 = 13\nAnswer: 13",
        EvaluateDecision.Name => RuleMind.Field(p, "Solution")!.Contains("Answer: 12", StringComparison.Ordinal) ? "Score: 9\nAdvice: good" : "Score: 2\nAdvice: recheck, 3*4 is 12",
        _ => null,
    });

    [Fact]
    public async Task Vertical_critics_review_the_draft_until_all_agree()
    {
        var result = await new AgentVerseTeam(Team(criticKnows: true), new AgentVerseOptions(Structure: DecisionStructure.Vertical)).RunAsync("3*4", default);

        Assert.True(result.Success);
        Assert.Equal(1, result.Turns);
        Assert.Contains("Answer: 12", result.Solution, StringComparison.Ordinal);
        Assert.Equal(["a solver", "a checker", "a second checker"], result.Experts[0]);
        Assert.Equal(2, result.Transcript.Turns.Count(t => t.Speaker == "a solver"));
    }

    [Fact]
    public async Task Evaluation_advice_feeds_the_next_turn_until_success()
    {
        var result = await new AgentVerseTeam(Team(criticKnows: false), new AgentVerseOptions(Structure: DecisionStructure.Horizontal)).RunAsync("3*4", default);

        Assert.True(result.Success);
        Assert.Equal(2, result.Turns);
        Assert.Equal([2, 9], result.Evaluations.Select(e => e.Score));
        Assert.Equal("a careful solver", result.Experts[1][0]);
        Assert.Equal("the evaluator accepted the solution", result.Transcript.StopReason);
    }

    [Fact]
    public async Task A_team_that_never_succeeds_stops_after_its_turn_limit()
    {
        var mind = new RuleMind(p => p.StartsWith(EvaluateDecision.Name, StringComparison.Ordinal) ? "Score: 1\nAdvice: no" : p.StartsWith(RecruitDecision.Name, StringComparison.Ordinal) ? "1. solo" : "Answer: 0");

        var result = await new AgentVerseTeam(mind, new AgentVerseOptions(Experts: 1, MaxTurns: 3)).RunAsync("3*4", default);

        Assert.False(result.Success);
        Assert.Equal(3, result.Turns);
        Assert.Equal("turns ran out", result.Transcript.StopReason);
    }

    [Theory]
    [InlineData("Score: 7\nAdvice: add units", 7, "add units")]
    [InlineData("Score: 10/10\nAdvice:", 10, "")]
    public void Evaluations_parse_score_and_advice(string reply, int score, string advice)
    {
        var decision = new EvaluateDecision("e", "t", "s");
        Assert.True(decision.TryParse(reply, out var evaluation));
        Assert.Equal(new Evaluation(score, advice), evaluation);
        Assert.False(decision.TryParse("Score: 11\nAdvice: x", out _));
    }
}
