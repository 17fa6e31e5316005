using System.Text.RegularExpressions;
using Agents.Tests.Collaboration;
using Agents.Tests.Minds;
using Agents.Tools;

namespace Agents.Tests.Tools;

public sealed class ReActStepDecisionTests
{
    private static readonly string[] Tools = ["Calculate[expression]: Evaluates an arithmetic expression exactly."];

    private static bool Fits(ReActStepDecision decision, string reply) => Regex.IsMatch(reply, "^(?:" + decision.ReplyShape + ")$");

    [Fact]
    public void Before_any_observation_the_shape_allows_the_listed_tools_and_any_finish_but_no_unknown_tool()
    {
        var decision = new ReActStepDecision("a", "What is 2+3?", Tools, [], 1);

        Assert.True(Fits(decision, "Thought 1: I compute it.\nAction 1: Calculate[2+3]"));
        Assert.True(Fits(decision, "Action 1: Finish[five]"));
        Assert.False(Fits(decision, "Thought 1: I look it up.\nAction 1: Search[2+3]"));
        Assert.Empty(ReActStepDecision.Grounds([]));
    }

    [Fact]
    public void After_an_observation_a_grounded_finish_takes_only_values_of_the_trace_and_a_free_one_anything()
    {
        string[] trace = ["Thought 1: I compute it.", "Action 1: Calculate[29+6*24+26-17*17]", "Observation 1: -90"];
        var grounded = new ReActStepDecision("a", "What is the result of 29+6*24+26-17*17?", Tools, trace, 2);
        var free = grounded with { GroundedFinish = false };

        Assert.True(Fits(grounded, "Thought 2: The calculator gave the result.\nAction 2: Finish[-90]"));
        Assert.True(Fits(grounded, "Action 2: Finish[29+6*24+26-17*17]"));
        Assert.False(Fits(grounded, "Thought 2: The calculator gave the result.\nAction 2: Finish[-88]"));
        Assert.True(Fits(grounded, "Action 2: Calculate[-90+1]"));
        Assert.True(Fits(free, "Action 2: Finish[-88]"));

        // Parsing is not held to the trace: a mind decoding freely may finish with anything.
        Assert.True(grounded.TryParse("Action 2: Finish[-88]", out var step));
        Assert.Equal("-88", step.Action.Argument);
    }

    [Fact]
    public void Grounds_are_numbers_short_observations_and_runs_of_words_within_a_clause_never_errors_of_the_loop_or_a_tool()
    {
        string[] trace =
        [
            "Action 1: Search[Talbo]",
            "Observation 1: Talbo is a town. Talbo lies in the region of Lunrenne. It has 4200 inhabitants.",
            "Action 2: Lookup[mayor]",
            "Observation 2: Invalid action: no document is open.",
            "Action 3: Calculate[4021*10)-5]",
            "Observation 3: Error: unexpected ')' at position 8",
        ];

        var grounds = ReActStepDecision.Grounds(trace);

        Assert.Contains("Lunrenne", grounds);
        Assert.Contains("region of Lunrenne", grounds);
        Assert.Contains("4200", grounds);
        Assert.Contains("Talbo", grounds);
        Assert.Contains("mayor", grounds);
        Assert.Contains(ReActStepDecision.GiveUp, grounds);
        Assert.DoesNotContain("town Talbo", grounds);
        Assert.DoesNotContain(grounds, g => g.Contains("Invalid", StringComparison.Ordinal) || g.Contains("document", StringComparison.Ordinal));
        Assert.DoesNotContain("8", grounds);
        Assert.DoesNotContain("position", grounds);
        Assert.All(grounds, g => Assert.DoesNotContain("]", g, StringComparison.Ordinal));

        var forced = new ReActStepDecision("a", "In which region is Talbo?", ["Search[entity]: Opens a document."], trace, 4, ForceFinish: true);
        Assert.True(Fits(forced, "Thought 4: The town lies in this region.\nAction 4: Finish[Lunrenne]"));
        Assert.False(Fits(forced, "Action 4: Finish[Lunbo]"));
        Assert.False(Fits(forced, "Action 4: Search[Lunrenne]"));
    }

    [Fact]
    public void Over_the_cap_the_latest_grounds_stay_and_giving_up_is_always_allowed()
    {
        var trace = Enumerable.Range(1, 8).SelectMany(i => new[]
        {
            $"Action {i}: Search[Entity {i}]",
            $"Observation {i}: " + string.Join(' ', Enumerable.Range(0, 40).Select(w => $"word{i}x{w}")) + $" and the answer is {1000 + i}.",
        }).ToList();

        var grounds = ReActStepDecision.Grounds(trace);

        Assert.Equal(ReActStepDecision.MaxGrounds + 1, grounds.Count);
        Assert.Equal(ReActStepDecision.GiveUp, grounds[^1]);
        Assert.Contains("1008", grounds);
        Assert.DoesNotContain("1001", grounds);
        Assert.DoesNotContain(grounds, g => g.Any(char.IsControl));
        Assert.Empty(ReActStepDecision.Grounds(["Action 1: Calculate[1/0]", "Observation 1: Error: division by zero"]));
    }

    [Fact]
    public async Task The_agent_passes_grounding_to_every_step_and_a_free_agent_turns_it_off()
    {
        static string Reply(string prompt) => RuleMind.List(prompt, "Trace").Count == 0
            ? "Thought 1: I compute.\nAction 1: Calculate[6*7]"
            : "Thought 2: Done.\nAction 2: Finish[42]";

        var grounded = new CapturingMind(new RuleMind(Reply));
        var free = new CapturingMind(new RuleMind(Reply));
        var calculator = ToolBox.FromPlugins(new CalculatorPlugin());

        Assert.Equal("42", (await new ReActAgent(grounded, calculator).RunAsync("6*7", default)).Answer);
        Assert.Equal("42", (await new ReActAgent(free, calculator, new ReActOptions(GroundedFinish: false)).RunAsync("6*7", default)).Answer);

        Assert.All(grounded.Seen, s => Assert.True(((ReActStepDecision)s.Decision).GroundedFinish));
        Assert.All(free.Seen, s => Assert.False(((ReActStepDecision)s.Decision).GroundedFinish));
        Assert.Contains(@"Finish\[(6\*7|42|unknown)\]", grounded.Seen[^1].Decision.ReplyShape, StringComparison.Ordinal);
    }
}
