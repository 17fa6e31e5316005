using Agents.Cognition;
using Agents.Decisions;
using Agents.Minds;
using Agents.Tests.Minds;
using Agents.World.Events;
using Agents.World.Runs;
using Agents.World.Scenarios;
using Microsoft.Data.Sqlite;

namespace Agents.Tests.Cognition;

public sealed class CognitiveBehaviorTests
{
    private static Scenario Tiny() => ScenarioLoader.Load(TestFiles.Scenario("tiny.yaml"));

    private static CognitiveBehavior Scripted(Scenario scenario) => new(new ScriptedMind(scenario.Seed));

    private static List<string> Rows(string folder, string sql)
    {
        using var connection = EventLog.OpenReadOnly(Path.Combine(folder, "run.sqlite"));
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    [Fact]
    public async Task A_scripted_day_spreads_the_party_from_its_host_through_conversation()
    {
        var folder = TestFiles.TempFolder();
        var scenario = Tiny();
        var behavior = Scripted(scenario);
        using (var run = HeadlessRun.Create(scenario, Path.Combine(folder, "run"), new RunOptions(Duration: TimeSpan.FromHours(24)), behavior))
        {
            await run.RunAsync(null, CancellationToken.None);
        }

        var run1 = Path.Combine(folder, "run");
        var holders = Rows(run1, "SELECT DISTINCT owner FROM memories WHERE text LIKE '%Valentine%'");
        Assert.Contains("Isabella Rodriguez", holders);
        Assert.True(holders.Count >= 2, "nobody heard of the party");

        // Every other holder can say where and from whom it heard it: a conversation memory names the speaker.
        foreach (var holder in holders.Where(h => h != "Isabella Rodriguez"))
        {
            Assert.NotEmpty(Rows(run1, $"SELECT id FROM memories WHERE owner = '{holder}' AND kind = 'chat' AND text LIKE '% told me: %Valentine%'"));
        }

        Assert.NotEmpty(Rows(run1, $"SELECT seq FROM events WHERE kind = '{CognitionEvents.Talk}'"));
        Assert.NotEmpty(Rows(run1, "SELECT id FROM memories WHERE kind = 'reflection'"));
        Assert.NotEmpty(Rows(run1, "SELECT memory_id FROM memory_evidence"));
        Assert.Equal(0, behavior.FallbackCounts.Values.Sum());
        Assert.True(behavior.DecisionCounts["place_choice"] > 0 && behavior.DecisionCounts["task_decomposition"] >= 3 * 12);
    }

    [Fact]
    public async Task After_a_conversation_an_agent_revises_the_rest_of_its_day_instead_of_planning_it_again()
    {
        var scenario = Tiny();
        var mind = new CapturingMind(new ScriptedMind(scenario.Seed));
        using (var run = HeadlessRun.Create(scenario, Path.Combine(TestFiles.TempFolder(), "run"), new RunOptions(Duration: TimeSpan.FromHours(40)), new CognitiveBehavior(mind)))
        {
            await run.RunAsync(null, CancellationToken.None);
        }

        var summaries = mind.Seen.Count(s => s.Decision is ConversationSummaryDecision);
        var dayPlans = mind.Seen.Select(s => s.Decision).OfType<DayPlanDecision>().ToList();
        var revisions = mind.Seen.Select(s => s.Decision).OfType<HourlyScheduleDecision>().Where(d => d.Memo is not null).ToList();

        Assert.True(summaries > 0, "nobody talked");
        Assert.Equal(dayPlans.Count, dayPlans.DistinctBy(d => (d.Agent, d.Date)).Count());
        Assert.NotEmpty(revisions);
        Assert.InRange(revisions.Count, 1, summaries);
        Assert.All(revisions, r => Assert.True(r.From > 0 && r.DayPlan[0].At.Hour == r.From, $"{r.Agent} revised from {r.From}: {r.DayPlan[0]}"));
    }

    [Fact]
    public async Task A_run_stopped_after_a_snapshot_resumes_to_the_same_log_and_memories()
    {
        var folder = TestFiles.TempFolder();
        var whole = Path.Combine(folder, "whole");
        var broken = Path.Combine(folder, "broken");
        var duration = new RunOptions(Duration: TimeSpan.FromHours(14));
        RunResult expected;
        using (var run = HeadlessRun.Create(Tiny(), whole, duration, Scripted(Tiny())))
        {
            expected = await run.RunAsync(null, CancellationToken.None);
        }

        // Stop part-way between snapshots (steps after the last snapshot are committed, then re-run on resume).
        using (var run = HeadlessRun.Create(Tiny(), broken, duration, Scripted(Tiny())))
        {
            for (var i = 0; i < (360 * 8) + 200; i++)
            {
                await run.StepAsync(CancellationToken.None);
            }
        }

        RunResult resumed;
        using (var run = HeadlessRun.Resume(broken, Scripted(Tiny())))
        {
            Assert.Equal(360 * 8, run.Town.Clock.Step);
            resumed = await run.RunAsync(null, CancellationToken.None);
        }

        Assert.Equal(expected.Hash, resumed.Hash);
        const string memories = "SELECT id, owner, kind, text, created, last_accessed, importance, depth FROM memories ORDER BY id";
        Assert.Equal(Rows(whole, memories), Rows(broken, memories));
        Assert.Equal(Rows(whole, "SELECT * FROM memory_evidence ORDER BY memory_id, position"), Rows(broken, "SELECT * FROM memory_evidence ORDER BY memory_id, position"));
    }

    [Fact]
    public async Task A_mind_that_corrupts_a_third_of_its_replies_never_stops_a_game_day()
    {
        var folder = TestFiles.TempFolder();
        var client = new RuleChatClient((call, text) => (call % 3) switch
        {
            0 => (call / 3 % 3) switch { 0 => "%%garbage%%", 1 => string.Empty, _ => null },
            _ => text,
        });
        var behavior = new CognitiveBehavior(new ModelMind(client, new ModelMindOptions(Retries: 0, MaxConcurrency: 2)));
        RunResult result;
        using (var run = HeadlessRun.Create(Tiny(), Path.Combine(folder, "run"), new RunOptions(Duration: TimeSpan.FromHours(24)), behavior))
        {
            result = await run.RunAsync(null, CancellationToken.None);
        }

        var decisions = behavior.DecisionCounts.Values.Sum();
        var fallbacks = behavior.FallbackCounts.Values.Sum();
        Assert.Equal(8640, result.StepsThisSession);
        Assert.InRange(fallbacks, decisions / 5, decisions / 2);
        var run1 = Path.Combine(folder, "run");
        Assert.Equal(fallbacks, Rows(run1, $"SELECT seq FROM events WHERE kind = '{CognitionEvents.DecisionFallback}'").Count);
        Assert.Equal(fallbacks.ToString(System.Globalization.CultureInfo.InvariantCulture), Rows(run1, "SELECT SUM(fallbacks) FROM cognition_usage").Single());
        Assert.True(Rows(run1, "SELECT seq FROM events WHERE kind = 'activity'").Count > 3 * 12, "agents stopped acting");
    }
}
