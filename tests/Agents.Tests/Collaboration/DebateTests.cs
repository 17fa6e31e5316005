using Agents.Collaboration;

namespace Agents.Tests.Collaboration;

public sealed class DebateTests
{
    [Theory]
    [InlineData("Reasoning.\nAnswer: 1,200.50", "1200.5")]
    [InlineData("Answer: 3\nOn reflection...\nFinal answer: **17**.", "17")]
    [InlineData("The answer is 17", null)]
    public void Final_answers_are_the_last_answer_line_normalised(string reply, string? expected)
    {
        var found = FinalAnswer.TryExtract(reply, out var answer);
        Assert.Equal(expected is not null, found);
        Assert.Equal(expected, answer);
    }

    [Fact]
    public void Majority_vote_ignores_unparseable_answers_and_breaks_ties_by_first_given()
    {
        Assert.Equal("5", MajorityVote.Of([null, "4", "5", "5", null, null]));
        Assert.Equal("4", MajorityVote.Of(["4", "5"]));
        Assert.Null(MajorityVote.Of([null, null]));
    }

    [Fact]
    public async Task Collaborative_debaters_see_the_others_answers_and_the_majority_wins()
    {
        // Agent 1 errs at first and adopts another's answer once it sees it; agent 2 keeps its own; agent 3 never writes an answer line.
        var mind = new RuleMind(p =>
        {
            var agent = RuleMind.Field(p, "Agent");
            if (agent == "agent 3")
            {
                return "I am not sure.";
            }

            if (RuleMind.Field(p, "Round") == "0")
            {
                return agent == "agent 1" ? "3*4 is 13.\nAnswer: 13" : "3*4 is 12.\nAnswer: 12";
            }

            if (agent == "agent 2")
            {
                var own = RuleMind.Field(p, "Your answer")!;
                return own[own.IndexOf("Answer: ", StringComparison.Ordinal)..];
            }

            var others = RuleMind.List(p, "Other answers").Where(a => a.Contains("Answer: ", StringComparison.Ordinal)).ToList();
            return others.Count > 0 ? others[0][others[0].IndexOf("Answer: ", StringComparison.Ordinal)..] : "Answer: 13";
        });

        var result = await new CollaborativeDebate(mind, new DebateOptions(Agents: 3, Rounds: 2)).RunAsync("3*4", default);

        Assert.Equal(["13", "12", null], result.AnswersByRound[0]);
        Assert.Equal(["12", "12", null], result.FinalAnswers);
        Assert.Equal("12", result.Answer);
        Assert.Equal(3, result.AnswersByRound.Count);
        Assert.Equal(9, result.Transcript.Turns.Count);
        Assert.Contains(mind.Prompts, p => p.Contains("- 3*4 is 12. / Answer: 12", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Adversarial_debate_stops_as_soon_as_the_moderator_prefers_a_side()
    {
        var mind = new RuleMind(p => RuleMind.Field(p, "Side") switch
        {
            "affirmative" => "2+2 is 4.\nAnswer: 4",
            "negative" => "No, it is 5.\nAnswer: 5",
            _ => RuleMind.Field(p, "Round") == "1"
                ? "{\"preference\": true, \"side\": \"affirmative\", \"reason\": \"arithmetic\", \"answer\": \"4\"}"
                : "{\"preference\": false, \"side\": \"\", \"reason\": \"unclear\", \"answer\": \"\"}",
        });

        var result = await new AdversarialDebate(mind, maxRounds: 3).RunAsync("2+2", default);

        Assert.Equal("4", result.Answer);
        Assert.Equal("moderator", result.DecidedBy);
        Assert.Equal(2, result.Rounds);
        Assert.Equal([false, true], result.Verdicts.Select(v => v.HasPreference));
        Assert.Equal(DebateSide.Affirmative, result.Verdicts[1].Side);
        Assert.Equal(6, result.Transcript.Turns.Count);
    }

    [Fact]
    public async Task Without_a_verdict_the_judge_lists_candidates_and_picks_after_the_last_round()
    {
        var mind = new RuleMind(p => RuleMind.Field(p, "Side") switch
        {
            "affirmative" => "Answer: 4",
            "negative" => "Answer: 5",
            _ when p.StartsWith(JudgeDecision.Name, StringComparison.Ordinal) => RuleMind.List(p, "Candidates").Count == 0
                ? "Candidates: 4; 5"
                : "Four is right.\nAnswer: 4",
            _ => "I cannot decide.",
        });

        var result = await new AdversarialDebate(mind, maxRounds: 3).RunAsync("2+2", default);

        Assert.Equal("4", result.Answer);
        Assert.Equal("judge", result.DecidedBy);
        Assert.Equal(3, result.Verdicts.Count);
        Assert.All(result.Verdicts, v => Assert.False(v.HasPreference));
        Assert.Equal("Candidates: 4; 5", result.Transcript.Turns[^2].Text);
        Assert.Equal("rounds ran out; the judge decided", result.Transcript.StopReason);
    }

    [Theory]
    [InlineData("{\"preference\": true, \"side\": \"negative\", \"reason\": \"r\", \"answer\": 5}", true)]
    [InlineData("Verdict: {\"preference\": false, \"side\": \"\", \"reason\": \"r\", \"answer\": \"\"}", true)]
    [InlineData("{\"preference\": true, \"side\": \"\", \"reason\": \"r\", \"answer\": \"5\"}", false)]
    [InlineData("{\"preference\": \"yes\"}", false)]
    [InlineData("the affirmative wins", false)]
    public void Verdicts_parse_only_when_structured_and_complete(string reply, bool parses)
    {
        var decision = new VerdictDecision("moderator", "q", 0, []);
        Assert.Equal(parses, decision.TryParse(reply, out _));
        if (parses)
        {
            var verdict = decision.Resolve(reply).Value;
            Assert.True(decision.TryParse(decision.Format(verdict), out var again));
            Assert.Equal(verdict, again);
        }
    }
}
