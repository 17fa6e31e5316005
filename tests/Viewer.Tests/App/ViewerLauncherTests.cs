using Agents.Viewer.App;
using Agents.Viewer.Tests.Window;
using Agents.World.Runs;

namespace Agents.Viewer.Tests.App;

[Collection(WindowCollection.Name)]
[Trait("Category", "Window")]
public sealed class ViewerLauncherTests(Display display, TinyRun run)
{
    [Fact]
    public async Task A_replay_window_opens_on_its_own_thread_and_closes_when_cancelled()
    {
        Assert.NotNull(display);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        var exit = await ViewerLauncher.RunAsync(run.Folder, 640, 480, "Tom Moreno", "08:00", cancel.Token);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task A_live_window_opens_for_a_scenario_file_and_closes_when_cancelled()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        var exit = await ViewerLauncher.RunAsync(RepoPaths.Scenario("tiny.yaml"), 640, 480, null, null, cancel.Token);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task Unknown_targets_agents_and_times_are_refused_before_a_window_opens()
    {
        await Assert.ThrowsAsync<RunException>(() => ViewerLauncher.RunAsync("/no/such/thing", 640, 480, null, null, CancellationToken.None));
        await Assert.ThrowsAsync<RunException>(() => ViewerLauncher.RunAsync(run.Folder, 640, 480, "Nobody", null, CancellationToken.None));
        await Assert.ThrowsAsync<RunException>(() => ViewerLauncher.RunAsync(run.Folder, 640, 480, null, "teatime", CancellationToken.None));
        await Assert.ThrowsAsync<RunException>(() => ViewerLauncher.RunAsync(RepoPaths.Scenario("tiny.yaml"), 640, 480, null, "08:00", CancellationToken.None));
    }
}
