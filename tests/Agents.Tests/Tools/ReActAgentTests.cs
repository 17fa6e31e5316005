using Agents.Tests.Collaboration;
using Agents.Tools;

namespace Agents.Tests.Tools;

public sealed class ReActAgentTests
{
    private static ToolBox Calculator() => ToolBox.FromPlugins(new CalculatorPlugin());

    private static string Step(string prompt) => RuleMind.Field(prompt, "Step")!;

    [Fact]
    public async Task A_tool_using_mind_computes_then_finishes_with_the_observation()
    {
        var mind = new RuleMind(p =>
        {
            var trace = RuleMind.List(p, "Trace");
            var question = RuleMind.Field(p, "Question")!;
            return trace.Count == 0
                ? $"Thought 1: I need the calculator.\nAction 1: Calculate[{question}]"
                : $"Thought 2: The tool answered.\nAction 2: Finish[{trace[^1].Split(": ")[1]}]";
        });

        var result = await new ReActAgent(mind, Calculator()).RunAsync("1234*5678", default);

        Assert.Equal("7006652", result.Answer);
        Assert.False(result.Forced);
        Assert.Equal(2, result.Steps);
        Assert.Equal(["Thought 1: I need the calculator.", "Action 1: Calculate[1234*5678]", "Observation 1: 7006652"], result.Transcript.Turns.Take(3).Select(t => t.Text));
        Assert.Equal("finished", result.Transcript.StopReason);
    }

    [Fact]
    public async Task The_loop_stops_at_observation_and_ignores_what_the_mind_invents_after_it()
    {
        var mind = new RuleMind(p => RuleMind.List(p, "Trace").Count == 0
            ? "Thought 1: add.\nAction 1: Calculate[2+3]\nObservation 1: 99\nThought 2: done\nAction 2: Finish[99]"
            : $"Action 2: Finish[{RuleMind.List(p, "Trace")[^1].Split(": ")[1]}]");

        var result = await new ReActAgent(mind, Calculator()).RunAsync("2+3", default);

        Assert.Equal("5", result.Answer);
        Assert.Contains(result.Transcript.Turns, t => t.Text == "Observation 1: 5");
    }

    [Fact]
    public async Task Unknown_tools_and_unparseable_replies_become_invalid_action_observations()
    {
        var mind = new RuleMind(p => Step(p) switch
        {
            "1" => "Thought 1: try magic.\nAction 1: Magic[2+3]",
            "2" => "I think the answer is five",
            _ => "Action 3: Finish[5]",
        });

        var result = await new ReActAgent(mind, Calculator()).RunAsync("2+3", default);

        Assert.Equal("5", result.Answer);
        Assert.Equal(2, result.InvalidActions);
        var observations = result.Transcript.Turns.Where(t => t.Speaker == "tools").Select(t => t.Text).ToList();
        Assert.StartsWith("Observation 1: Invalid action: unknown tool Magic", observations[0], StringComparison.Ordinal);
        Assert.StartsWith("Observation 2: Invalid action: could not parse", observations[1], StringComparison.Ordinal);
        Assert.Contains(mind.Prompts, p => p.Contains("Your last reply had no valid action", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unparseable_reply_is_asked_again_for_just_the_action()
    {
        var mind = new RuleMind(p => p.Contains("no valid action", StringComparison.Ordinal) ? $"Action {Step(p)}: Finish[4]" : "Thought: hmm, four");

        var result = await new ReActAgent(mind, Calculator()).RunAsync("2+2", default);

        Assert.Equal("4", result.Answer);
        Assert.Equal(0, result.InvalidActions);
        Assert.Equal(1, result.Steps);
    }

    [Fact]
    public async Task Repeated_actions_are_not_rerun_and_a_loop_forces_the_finish()
    {
        var calls = 0;
        var mind = new RuleMind(p => RuleMind.Field(p, "Must finish") == "yes"
            ? $"Action {Step(p)}: Finish[stuck]"
            : $"Thought {Step(p)}: again.\nAction {Step(p)}: Calculate[ 1 + 1 ]".Replace("1 + 1", (++calls % 2 == 0) ? "1  +  1" : "1 + 1", StringComparison.Ordinal));

        var result = await new ReActAgent(mind, Calculator()).RunAsync("1+1", default);

        Assert.True(result.Forced);
        Assert.Equal("stuck", result.Answer);
        Assert.Equal(2, result.RepeatedActions);
        Assert.Equal(4, result.Steps);
        Assert.StartsWith("forced finish (repeated actions)", result.Transcript.StopReason, StringComparison.Ordinal);
        Assert.Contains(result.Transcript.Turns, t => t.Text.StartsWith("Observation 2: Repeated action:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mind_that_never_finishes_is_forced_to_after_seven_steps()
    {
        var mind = new RuleMind(p => RuleMind.Field(p, "Must finish") == "yes"
            ? "Thought 8: enough.\nAction 8: Calculate[1]"
            : $"Action {Step(p)}: Calculate[{Step(p)}+0]");

        var result = await new ReActAgent(mind, Calculator()).RunAsync("anything", default);

        Assert.True(result.Forced);
        Assert.Equal(8, result.Steps);
        Assert.Equal(string.Empty, result.Answer);
        Assert.Equal(7, result.Transcript.Turns.Count(t => t.Speaker == "tools"));
        Assert.Equal("forced finish (step limit)", result.Transcript.StopReason);
    }
}
