using Agents.Viewer.Frames;
using Agents.Viewer.Replay;
using Agents.World.Components;
using Agents.World.Runs;
using Agents.World.Simulation;

namespace Agents.Viewer.Tests.Replay;

[Collection(TinyRunCollection.Name)]
public sealed class RunReplayTests(TinyRun run)
{
    [Fact]
    public async Task Replayed_positions_activities_and_object_states_match_a_live_simulation_at_every_step()
    {
        using var replay = RunReplay.Open(run.Folder);
        Assert.Equal(3420, replay.LastStep);
        using var town = Town.Create(run.Scenario, run.Scenario.Seed);
        var pipeline = new StepPipeline(new RoutineBehavior());
        var moving = 0;
        for (long step = 0; step <= replay.LastStep; step++)
        {
            var frame = replay.FrameAt(step);
            Assert.Equal(step, frame.Step);
            Assert.Equal(town.Clock.Now, frame.Time);
            foreach (var agent in town.Agents)
            {
                var expected = town.Entities.Get<TilePosition>(agent).Point;
                var seen = frame.Agents[town.Entities.Get<AgentTag>(agent).Index];
                Assert.True(expected == seen.Position, $"step {step}: {seen.Name} at {seen.Position}, expected {expected}");
                Assert.Equal(town.Entities.Get<Activity>(agent).Description, seen.Activity);
                Assert.Equal(town.Entities.Get<Movement>(agent).IsMoving, seen.IsMoving);
                moving += seen.IsMoving ? 1 : 0;
            }

            foreach (var o in run.Scenario.Map.Objects)
            {
                town.TryGetObject(o.Address.ToString(), out var entity);
                var state = frame.ObjectStates.GetValueOrDefault(o.Address.ToString(), o.InitialState);
                Assert.Equal(town.Entities.Get<ObjectState>(entity).State, state);
            }

            if (step < replay.LastStep)
            {
                await pipeline.StepAsync(town, CancellationToken.None);
            }
        }

        Assert.True(moving > 50, "nobody walked in the replay; the comparison proved nothing");
    }

    [Fact]
    public void Seeking_back_and_far_forward_gives_the_same_frame_as_playing_through()
    {
        using var played = RunReplay.Open(run.Folder);
        var expected = new Dictionary<long, TownFrame>();
        for (long step = 0; step <= played.LastStep; step++)
        {
            var frame = played.FrameAt(step);
            if (step is 2200 or 2500 or 3000 or 3419 or 10)
            {
                expected[step] = frame;
            }
        }

        using var seeking = RunReplay.Open(run.Folder);
        foreach (var step in new long[] { 3000, 10, 3419, 2500, 2200, 3000 })
        {
            var frame = seeking.FrameAt(step);
            Assert.Equal(expected[step].Agents.Select(a => (a.Position, a.Activity, a.IsMoving)), frame.Agents.Select(a => (a.Position, a.Activity, a.IsMoving)));
            Assert.Equal(expected[step].ObjectStates.OrderBy(p => p.Key), frame.ObjectStates.OrderBy(p => p.Key));
        }
    }

    [Fact]
    public void An_agent_remembers_what_it_perceived_newest_first_with_the_time()
    {
        using var replay = RunReplay.Open(run.Folder);
        var frame = replay.FrameAt(replay.StepAt(new DateTime(2023, 2, 13, 9, 15, 0)));
        var withPerceptions = frame.Agents.Where(a => a.Perceived.Count > 0).ToList();
        Assert.NotEmpty(withPerceptions);
        var first = withPerceptions[0].Perceived;
        Assert.Matches(@"^\d\d:\d\d .+ is ", first[0]);
        Assert.True(string.CompareOrdinal(first[0][..5], first[^1][..5]) >= 0, "perceptions are not newest first");
    }

    [Fact]
    public void Game_times_map_to_steps_clamped_to_the_run()
    {
        using var replay = RunReplay.Open(run.Folder);
        Assert.Equal(0, replay.StepAt(new DateTime(2020, 1, 1)));
        Assert.Equal(360, replay.StepAt(new DateTime(2023, 2, 13, 1, 0, 0)));
        Assert.Equal(360, replay.StepAt(new DateTime(2023, 2, 13, 1, 0, 9)));
        Assert.Equal(replay.LastStep, replay.StepAt(new DateTime(2023, 3, 1)));
    }

    [Fact]
    public void A_folder_that_is_not_a_run_is_refused_with_a_message_naming_it()
    {
        using var temp = new TempFolder();
        var ex = Assert.Throws<RunException>(() => RunReplay.Open(temp.Path));
        Assert.Contains(temp.Path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("not a run folder", ex.Message, StringComparison.Ordinal);
    }
}
