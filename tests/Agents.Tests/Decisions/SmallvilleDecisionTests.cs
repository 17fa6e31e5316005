using System.Text.RegularExpressions;
using Agents.Cognition;
using Agents.Decisions;
using Agents.Minds;
using Agents.Tests.Minds;
using Agents.World.Runs;
using Agents.World.Scenarios;

namespace Agents.Tests.Decisions;

/// <summary>Every decision of a few scripted hours of Smallville, from its real inputs: the prompts a small model reads.</summary>
public sealed class SmallvilleDecisionTests
{
    private static readonly Lazy<Task<List<(IDecision Decision, string? Reply)>>> Run = new(RunAsync);

    private static async Task<List<(IDecision Decision, string? Reply)>> RunAsync()
    {
        // The morning of the party: plans, talks, reflection and the invitations' news all happen within these hours.
        var scenario = ScenarioLoader.Load(TestFiles.Scenario("smallville.yaml"));
        var mind = new CapturingMind(new ScriptedMind(scenario.Seed));
        var options = new RunOptions(Duration: TimeSpan.FromHours(13));
        using (var run = HeadlessRun.Create(scenario, Path.Combine(TestFiles.TempFolder(), "run"), options, new CognitiveBehavior(mind)))
        {
            await run.RunAsync(null, CancellationToken.None);
        }

        return mind.Seen;
    }

    public static TheoryData<string> Types() =>
    [
        ImportanceDecision.Name, DayPlanDecision.Name, HourlyScheduleDecision.Name, TaskDecompositionDecision.Name, PlaceChoiceDecision.Name,
        ObjectStateDecision.Name, ReactionDecision.Name, ConversationTurnDecision.Name, ConversationSummaryDecision.Name,
        FocalQuestionsDecision.Name, InsightsDecision.Name,
    ];

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Every_prompt_of_a_type_names_it_first_and_stays_within_the_small_models_bound(string type)
    {
        var seen = (await Run.Value).Where(s => s.Decision.Type == type).ToList();

        Assert.NotEmpty(seen);
        foreach (var (decision, _) in seen)
        {
            var prompt = decision.Render();
            var lines = prompt.Split('\n');
            Assert.Equal(type, lines[0]);
            Assert.StartsWith("Reply: ", lines[^1], StringComparison.Ordinal);
            Assert.True(prompt.Length <= DecisionLimits.PromptCharacters, $"{prompt.Length} characters:\n{prompt}");
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Every_reply_of_the_teacher_is_already_ideal_matches_its_reply_shape_in_full_and_holds_no_stop_sequence(string type)
    {
        var seen = (await Run.Value).Where(s => s.Decision.Type == type).ToList();

        Assert.NotEmpty(seen);
        foreach (var (decision, reply) in seen)
        {
            var ideal = decision.FormatIdeal(reply);
            Assert.True(ideal is not null, $"unparsed reply:\n{reply}\nto:\n{decision.Render()}");
            Assert.Equal(reply, ideal);
            Assert.True(Regex.IsMatch(ideal, "^(?:" + decision.ReplyShape + ")$"), $"shape {decision.ReplyShape} does not match:\n{ideal}");
            Assert.All(decision.StopSequences, stop => Assert.DoesNotContain(stop, ideal, StringComparison.Ordinal));
        }
    }
}
