using Agents.Collaboration;
using Agents.Collaboration.ChatDev;

namespace Agents.Tests.Collaboration.ChatDev;

public sealed class ChatChainTests
{
    private static readonly Dictionary<string, string> Roles = new() { ["CEO"] = "You lead.", ["CPO"] = "You design." };

    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, relative)))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new FileNotFoundException(relative), relative);
    }

    [Fact]
    public async Task A_phase_ends_when_a_last_line_starts_with_info()
    {
        var mind = new RuleMind(p => RuleMind.List(p, "Conversation").Count < 3 ? "Let us think about it." : "Agreed.\n<INFO> Web application");
        var phase = new PhaseSpec("DemandAnalysis", "CEO", "CPO", "Decide the modality of {task}.");

        var result = await ChatPhase.RunAsync(phase, Roles, new Dictionary<string, string> { ["task"] = "a todo list" }, mind, new MindTally(), default);

        Assert.Equal("Web application", result.Conclusion);
        Assert.False(result.Reflected);
        Assert.Equal(["CEO", "CPO", "CEO", "CPO"], result.Transcript.Turns.Select(t => t.Speaker));
        Assert.Equal("Decide the modality of a todo list.", result.Transcript.Turns[0].Text);
        Assert.Contains("Role: You design.", mind.Prompts[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phase_without_conclusion_stops_at_its_turn_limit_and_gets_a_reflection()
    {
        var mind = new RuleMind(p => RuleMind.Field(p, "Reflection") == "yes" ? "They lean to a website.\n<INFO> Website" : "<INFO> is not on the last line\nmore talk");
        var phase = new PhaseSpec("DemandAnalysis", "CEO", "CPO", "Decide.", TurnLimit: 2);

        var result = await ChatPhase.RunAsync(phase, Roles, new Dictionary<string, string>(), mind, new MindTally(), default);

        Assert.True(result.Reflected);
        Assert.Equal("Website", result.Conclusion);

        // The opening prompt, two exchanges, then the neutral pair: the counselor asks, the CEO answers.
        Assert.Equal(1 + 2 + 2 + 2, result.Transcript.Turns.Count);
        Assert.Equal([ChatPhase.Counselor, ChatPhase.ReflectionAnswerer], result.Transcript.Turns.TakeLast(2).Select(t => t.Speaker));
        Assert.Contains("conversation between CEO and CPO in the phase DemandAnalysis", result.Transcript.Turns[^2].Text, StringComparison.Ordinal);
        var reflectionPrompt = mind.Prompts[^1];
        Assert.Equal(ChatPhase.ReflectionAnswerer, RuleMind.Field(reflectionPrompt, "Agent"));
        Assert.Equal(ChatPhase.Counselor, RuleMind.Field(reflectionPrompt, "Partner"));
        Assert.Equal(5, RuleMind.List(reflectionPrompt, "Conversation").Count);
    }

    [Fact]
    public async Task Conclusions_pass_as_artifacts_and_a_composed_phase_stops_on_its_condition()
    {
        var reviews = 0;
        var mind = new RuleMind(p => RuleMind.Field(p, "Phase") switch
        {
            "Design" => "<INFO> website",
            "Review" => ++reviews < 2 ? "<INFO> fix the header" : "<INFO> Finished",
            "Fix" => $"<INFO> code v{reviews + 1} for {RuleMind.Field(p, "Prompt")}",
            _ => "?",
        });
        var chain = new ChatChain(Roles, [
            ChainStep.Single(new PhaseSpec("Design", "CEO", "CPO", "Design {task}.", Output: "modality")),
            new ChainStep(null, [
                new PhaseSpec("Review", "CEO", "CPO", "Review the {modality}.", 1, "comments"),
                new PhaseSpec("Fix", "CPO", "CEO", "Apply {comments}", 1, "codes"),
            ], Repeat: 5, StopWhen: "Finished"),
        ]);

        var result = await chain.RunAsync("a shop", mind, null, default);

        Assert.Equal(["Design", "Review", "Fix", "Review"], result.Phases.Select(p => p.Phase));
        Assert.Equal("website", result.Artifacts["modality"]);
        Assert.Equal("code v2 for Apply fix the header", result.Artifacts["codes"]);
        Assert.Equal("Finished", result.Artifacts["comments"]);
    }

    [Fact]
    public void The_shipped_chain_file_loads_its_phases_and_review_cycle()
    {
        var chain = ChatChainFile.Load(RepoFile("scenarios/arena/chatdev-chain.yaml"));

        Assert.Equal(4, chain.Steps.Count);
        Assert.Equal("Chief Product Officer", chain.Steps[0].Phase!.Assistant);
        Assert.Equal(3, chain.Steps[3].Repeat);
        Assert.Equal("Finished", chain.Steps[3].StopWhen);
        Assert.Equal(["CodeReviewComment", "CodeReviewModification"], chain.Steps[3].Phases.Select(p => p.Name));
        Assert.Contains("Code Reviewer", chain.Roles.Keys);
    }

    [Fact]
    public void A_chain_file_phase_without_a_prompt_is_reported_with_its_place()
    {
        var path = Path.Combine(Path.GetTempPath(), $"chain-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "phases:\n  - name: A\n    instructor: X\n    assistant: Y\n");
        try
        {
            var error = Assert.Throws<ChatChainFileException>(() => ChatChainFile.Load(path));
            Assert.Equal($"{path}:2:5: expected 'prompt'.", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
