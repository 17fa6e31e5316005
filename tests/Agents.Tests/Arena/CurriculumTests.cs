using System.Text.Json;
using Agents.Arena;
using Agents.Collaboration;
using Agents.Decisions;
using Agents.Minds;
using Agents.Tools;

namespace Agents.Tests.Arena;

public sealed class CurriculumTests
{
    private static readonly TaskSetSpec[] Sets =
    [
        new(new ArithmeticTasks(), 3), new(new MultiHopTasks(), 3), new(new WordProblemTasks(), 3), new(new TwentyFourTasks(), 3),
    ];

    private static async Task<(List<JsonElement> Lines, CurriculumSummary Summary)> WriteAsync(IReadOnlyList<IArenaStrategy> strategies)
    {
        using var writer = new StringWriter();
        var summary = await ArenaCurriculum.WriteAsync(Sets, strategies, seed: 21, examples: 2, writer, default);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return (lines, summary);
    }

    [Fact]
    public async Task Every_line_is_a_chat_of_system_user_assistant_whose_reply_the_decision_accepts()
    {
        var (lines, summary) = await WriteAsync([new PromptStrategy(SolveStyle.ChainOfThought), new ReActStrategy()]);

        Assert.Equal(summary.Lines, lines.Count);
        Assert.Equal(12, summary.Items);
        Assert.Equal(0, summary.Dropped);
        foreach (var line in lines)
        {
            var messages = line.GetProperty("messages").EnumerateArray().ToList();
            Assert.Equal(["system", "user", "assistant"], messages.Select(m => m.GetProperty("role").GetString()));
            Assert.Equal(DecisionPrompts.System, messages[0].GetProperty("content").GetString());
            var user = messages[1].GetProperty("content").GetString()!;
            Assert.Equal(line.GetProperty("decision").GetString(), user.Split('\n')[0]);
            Assert.Matches("^" + Shape(user) + "$", messages[2].GetProperty("content").GetString()!);
        }

        // Chain-of-thought cannot look facts up: its multi-hop items are left out; ReAct's are there.
        Assert.Equal(9, summary.ByDecision.GetValueOrDefault(SolveDecision.Name));
        Assert.Equal((3 * 2) + (3 * 3) + (3 * 2) + (3 * 2), summary.ByDecision[ReActStepDecision.Name]);
    }

    [Fact]
    public async Task The_prompts_are_exactly_those_the_strategies_render_in_the_arena_one_line_per_react_step()
    {
        var (lines, _) = await WriteAsync([new ReActStrategy()]);
        var (items, examples) = ArenaRunner.Generate(Sets, seed: 21, examples: 2);
        using var recorded = new StringWriter();
        using (var recorder = new RecordingMind(new TeacherMind(), recorded))
        {
            foreach (var item in items)
            {
                await new ReActStrategy().SolveAsync(item, new ArenaContext(recorder, new MindTally(), examples), default);
            }
        }

        Assert.Equal(recorded.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), lines.Select(l => l.GetRawText()));
        var multiHop = lines.Select(l => l.GetProperty("messages")[1].GetProperty("content").GetString()!).Where(p => p.Contains("In which region", StringComparison.Ordinal)).ToList();
        Assert.Equal(3 * 3, multiHop.Count);
        Assert.Contains(multiHop, p => p.Contains("Step: 3", StringComparison.Ordinal) && p.Contains("- Observation 2: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Strategies_the_teacher_cannot_play_are_left_out_and_none_playable_means_chain_of_thought_and_react()
    {
        Assert.Equal(["chain-of-thought", "react+tools"], ArenaCurriculum.Playable([new DebateStrategy()]).Select(s => s.Name));
        Assert.Equal(["direct"], ArenaCurriculum.Playable([new DebateStrategy(), new PromptStrategy(SolveStyle.Direct)]).Select(s => s.Name));
        Assert.Equal(["react+tools"], ArenaCurriculum.Playable([new ReActStrategy(), new ReActStrategy(GroundedFinish: false)]).Select(s => s.Name));

        var (lines, summary) = await WriteAsync([new PromptStrategy(SolveStyle.Direct)]);

        Assert.Equal(9, lines.Count);
        Assert.Equal(3, summary.Dropped);
        Assert.All(lines, l => Assert.StartsWith("Answer: ", l.GetProperty("messages")[2].GetProperty("content").GetString(), StringComparison.Ordinal));
    }

    private static string Shape(string user)
    {
        var type = user.Split('\n')[0];
        var reader = new PromptReader(user);
        return type == SolveDecision.Name
            ? new SolveDecision("x", "q", SolveStyle.ChainOfThought, []).ReplyShape
            : new ReActStepDecision("x", "q", reader.List("Tools"), reader.List("Trace"), int.Parse(reader.Field("Step")!), reader.Field("Must finish") == "yes").ReplyShape;
    }
}
