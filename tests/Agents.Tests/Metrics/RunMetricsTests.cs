using Agents.Cognition;
using Agents.Metrics;
using Agents.Minds;
using Agents.World.Runs;
using Agents.World.Scenarios;

namespace Agents.Tests.Metrics;

public sealed class RunMetricsTests
{
    [Fact]
    public async Task Metrics_of_a_scripted_run_follow_the_memories_and_moves_of_the_run()
    {
        var folder = Path.Combine(TestFiles.TempFolder(), "run");
        var scenario = ScenarioLoader.Load(TestFiles.Scenario("tiny.yaml"));
        using (var run = HeadlessRun.Create(scenario, folder, new RunOptions(Until: new DateTime(2023, 2, 14, 20, 0, 0)), new CognitiveBehavior(new ScriptedMind(scenario.Seed))))
        {
            await run.RunAsync(null, CancellationToken.None);
        }

        var report = RunMetrics.Read(folder);

        var party = Assert.Single(report.Diffusion, d => d.Name == "party");
        Assert.Equal(1.0 / 3, party.Initial, 3);
        Assert.True(party.Final > party.Initial);
        Assert.Equal("Isabella Rodriguez", party.Holders[0].Agent);
        Assert.All(party.Holders.Skip(1), h => Assert.Contains("party", h.Source, StringComparison.OrdinalIgnoreCase));
        Assert.True(party.Series.Zip(party.Series.Skip(1)).All(p => p.First.Value <= p.Second.Value), "diffusion went down");

        var density = Assert.IsType<DensityMetric>(report.Density);
        Assert.InRange(density.Final, density.Initial, 1.0);

        var attendance = Assert.Single(report.Attendance);
        Assert.Equal(["Tom Moreno", "Jane Moreno"], attendance.Invited);
        Assert.All(attendance.Attended, a => Assert.Contains(a, attendance.Invited));
        Assert.True(report.Usage.Decisions > 0);
        Assert.Equal(0, report.Usage.FallbackRate);
        Assert.Equal(report.Usage.Decisions, report.Usage.ByDecision.Values.Sum(d => d.Decisions));
        Assert.Contains("importance", report.Usage.ByDecision.Keys);
        var markdown = report.ToMarkdown();
        Assert.Contains("## Metrics", markdown, StringComparison.Ordinal);
        var (importance, _, _) = report.Usage.ByDecision["importance"];
        Assert.Contains($"| importance | {importance} |", markdown, StringComparison.Ordinal);
        Assert.Null(report.Usage.ParsedReplyRate); // the scripted mind calls no model
        Assert.Contains(" | 0 | - |", markdown, StringComparison.Ordinal);
    }
}
