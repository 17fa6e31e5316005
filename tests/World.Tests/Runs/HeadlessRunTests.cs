using Agents.World.Events;
using Agents.World.Runs;
using Agents.World.Scenarios;
using Microsoft.Data.Sqlite;

namespace Agents.World.Tests.Runs;

public sealed class HeadlessRunTests
{
    private static readonly Scenario Tiny = ScenarioLoader.Load(RepoPaths.Scenario("tiny.yaml"));

    private static async Task<RunResult> RunAsync(string folder, TimeSpan duration, int? seed = null)
    {
        using var run = HeadlessRun.Create(Tiny, folder, new RunOptions(Seed: seed, Duration: duration));
        return await run.RunAsync(null, CancellationToken.None);
    }

    [Fact]
    public async Task Same_scenario_and_seed_write_the_same_event_log()
    {
        using var temp = new TempFolder();
        var first = await RunAsync(temp["a"], TimeSpan.FromHours(12));
        var second = await RunAsync(temp["b"], TimeSpan.FromHours(12));

        Assert.Equal(first.Hash, second.Hash);
        Assert.Equal(12 * 360, first.Steps);
    }

    [Fact]
    public async Task Another_seed_writes_another_event_log()
    {
        using var temp = new TempFolder();
        var first = await RunAsync(temp["a"], TimeSpan.FromHours(12), seed: 1);
        var second = await RunAsync(temp["b"], TimeSpan.FromHours(12), seed: 2);

        Assert.NotEqual(first.Hash, second.Hash);
    }

    [Fact]
    public async Task Agents_follow_their_routines_to_the_routine_places()
    {
        using var temp = new TempFolder();
        await RunAsync(temp["run"], TimeSpan.FromHours(24));

        var summary = RunReport.Read(temp["run"]);
        Assert.Equal(Tiny.Agents.Count, summary.TimeByAgent.Count);
        foreach (var (agent, spec) in summary.TimeByAgent.Zip(Tiny.Agents))
        {
            Assert.Equal(spec.Name, agent.Agent);
            Assert.Equal(TimeSpan.FromHours(24), TimeSpan.FromTicks(agent.Places.Sum(p => p.Time.Ticks)));

            // Every arena the routine names is visited, and the home arena is where the night goes.
            var visited = agent.Places.Select(p => p.Place).ToHashSet();
            foreach (var item in spec.Routine)
            {
                var arena = item.Place.Arena is null ? item.Place.Sector : $"{item.Place.Sector}:{item.Place.Arena}";
                Assert.Contains(visited, v => v.StartsWith(arena, StringComparison.Ordinal));
            }
        }

        Assert.True(summary.EventsByKind[EventKinds.Path] > 0);
        Assert.True(summary.EventsByKind[EventKinds.Arrive] > 0);
        Assert.False(summary.EventsByKind.ContainsKey(EventKinds.PathFailed));
    }

    [Fact]
    public async Task Each_step_is_one_transaction_and_the_last_step_is_recorded()
    {
        using var temp = new TempFolder();
        var result = await RunAsync(temp["run"], TimeSpan.FromHours(2));

        using var connection = EventLog.OpenReadOnly(Path.Combine(temp["run"], RunFolder.DatabaseName));
        Assert.Equal((result.Steps - 1).ToString(), EventLog.ReadMeta(connection, "last_step"));
        Assert.Equal(result.Hash, EventLog.ReadMeta(connection, "hash"));
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }

    [Fact]
    public async Task A_resumed_run_ends_with_the_hash_of_the_uninterrupted_run()
    {
        using var temp = new TempFolder();
        var whole = await RunAsync(temp["whole"], TimeSpan.FromHours(6));

        // Stop a second run part-way, between snapshots, as a crash would: the steps after the last snapshot are redone.
        using (var run = HeadlessRun.Create(Tiny, temp["part"], new RunOptions(Duration: TimeSpan.FromHours(6))))
        {
            for (var i = 0; i < 1000; i++)
            {
                await run.StepAsync(CancellationToken.None);
            }
        }

        using var resumed = HeadlessRun.Resume(temp["part"]);
        Assert.Equal(1000 / Tiny.SnapshotEvery * Tiny.SnapshotEvery, resumed.Town.Clock.Step);
        var result = await resumed.RunAsync(null, CancellationToken.None);

        Assert.Equal(whole.Hash, result.Hash);
        Assert.Equal(whole.Steps, result.Steps);
    }

    [Fact]
    public void A_second_run_into_a_used_folder_is_refused_without_force_and_leaves_it_untouched()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["used"]);
        File.WriteAllText(temp["used/notes.txt"], "mine");

        var error = Assert.Throws<RunException>(() => HeadlessRun.Create(Tiny, temp["used"], new RunOptions(Force: true)));
        Assert.Contains("not a run folder", error.Message);
        error = Assert.Throws<RunException>(() => HeadlessRun.Create(Tiny, temp["used"], new RunOptions()));
        Assert.Contains("--force", error.Message);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(temp["used"]).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Force_replaces_an_earlier_run()
    {
        using var temp = new TempFolder();
        await RunAsync(temp["run"], TimeSpan.FromHours(1));
        using var again = HeadlessRun.Create(Tiny, temp["run"], new RunOptions(Duration: TimeSpan.FromMinutes(30), Force: true));
        var result = await again.RunAsync(null, CancellationToken.None);

        Assert.Equal(180, result.Steps);
    }

    [Fact]
    public void Resuming_a_folder_that_is_not_a_run_names_the_folder()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<RunException>(() => HeadlessRun.Resume(temp.Path));
        Assert.Contains(temp.Path, error.Message);
        Assert.Contains("not a run folder", error.Message);
    }
}
