using Agents.Viewer.App;
using Agents.Viewer.Replay;
using Agents.Viewer.Scene;

namespace Agents.Viewer.Tests.App;

[Collection(TinyRunCollection.Name)]
public sealed class ReplaySourceTests(TinyRun run)
{
    [Fact]
    public void Playback_moves_by_the_speed_in_game_minutes_per_second_and_stops_at_the_end()
    {
        using var source = new ReplaySource(RunReplay.Open(run.Folder), 3000);
        source.Update(0.5, 4, paused: false); // 2 game minutes = 12 steps
        Assert.Equal(3012, source.Current.Step);
        source.Update(10, 64, paused: true);
        Assert.Equal(3012, source.Current.Step);
        source.Update(60, 64, paused: false);
        Assert.Equal(3420, source.Current.Step);
        Assert.True(source.AtEnd);
        Assert.Null(source.Next);
        Assert.Equal(1.0, source.Timeline.Fraction);
    }

    [Fact]
    public void Walkers_glide_between_tiles_by_the_fraction_of_the_step_played()
    {
        using var source = new ReplaySource(RunReplay.Open(run.Folder), 0);
        // Find a step where somebody walks, then play a quarter of a step further.
        long step = 0;
        for (; step < 3400; step++)
        {
            source.Seek(step);
            if (source.Current.Agents.Any(a => a.IsMoving && a.Position != source.Next!.Agents[a.Index].Position))
            {
                break;
            }
        }

        source.Update(0.25 / 6, 1, paused: false); // a quarter of a step at 1x (6 steps per second)
        Assert.Equal(step, source.Current.Step);
        Assert.Equal(0.25, source.Fraction, 3);
        var walker = source.Current.Agents.First(a => a.IsMoving && a.Position != source.Next!.Agents[a.Index].Position);
        var to = source.Next!.Agents[walker.Index].Position;
        var scene = SceneComposer.Interpolate(new SceneComposer().Compose(source.Current, new Camera(10, 10, 20), null), source.Next, source.Fraction);
        var drawn = scene.Agents[walker.Index];
        Assert.Equal(walker.Position.X + ((to.X - walker.Position.X) * 0.25f), drawn.X, 3);
        Assert.Equal(walker.Position.Y + ((to.Y - walker.Position.Y) * 0.25f), drawn.Y, 3);
    }
}
