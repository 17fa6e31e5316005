using Agents.Viewer.App;
using Agents.Viewer.Rendering;
using Agents.Viewer.Replay;
using Agents.Viewer.Window;
using Agents.World.Scenarios;
using SkiaSharp;

namespace Agents.Viewer.Tests.Window;

[Collection(WindowCollection.Name)]
[Trait("Category", "Window")]
public sealed class GlfwWindowTests(Display display, TinyRun run)
{
    private const int Width = 800;
    private const int Height = 600;

    [Theory]
    [InlineData(false, "gl")]
    [InlineData(true, "raster")]
    public void A_replay_window_draws_the_town_and_its_screenshot_shows_the_walls(bool forceRaster, string backend)
    {
        Assert.NotNull(display);
        using var window = GlfwWindow.Open(Width, Height, "test", forceRaster);
        Assert.Equal(backend, window.Backend);
        using var source = new ReplaySource(RunReplay.Open(run.Folder), 3000);
        using var app = new ViewerApp(window, source);
        for (var i = 0; i < 3; i++)
        {
            app.RunFrame();
        }

        using var shot = Screenshot(window, app);
        Assert.Equal((Width, Height), (shot.Width, shot.Height));
        var colours = new HashSet<uint>();
        for (var y = 0; y < Height; y += 7)
        {
            for (var x = 0; x < Width; x += 7)
            {
                colours.Add((uint)shot.GetPixel(x, y));
            }
        }

        Assert.True(colours.Count > 20, $"the screenshot is nearly blank: {colours.Count} colours");
        var camera = app.LastScene!.Camera;
        var wall = camera.TileToScreen(3.5f, 7.5f, Width, Height);
        Pixels.AssertColor(Palette.Wall, shot.GetPixel((int)wall.X, (int)wall.Y), 2, "wall tile in the window");
    }

    [Fact]
    public void Input_events_pan_zoom_select_follow_pause_scrub_and_show_help()
    {
        using var window = GlfwWindow.Open(Width, Height, "test");
        using var source = new ReplaySource(RunReplay.Open(run.Folder), 3000);
        using var app = new ViewerApp(window, source);
        app.RunFrame();
        var before = app.Controller.Camera;

        // Wheel up at the centre zooms in.
        window.Input.Post(InputEvent.Wheel(2, Width / 2f, Height / 2f));
        app.RunFrame();
        Assert.True(app.Controller.Camera.TileSize > before.TileSize * 1.3f);

        // Dragging the map pans it: the tile under the pointer follows the pointer.
        var zoomed = app.Controller.Camera;
        window.Input.Post(InputEvent.Down(300, 300));
        window.Input.Post(InputEvent.Move(320, 300));
        window.Input.Post(InputEvent.Move(400, 340));
        window.Input.Post(InputEvent.Up(400, 340));
        app.RunFrame();
        Assert.Equal(zoomed.CenterX - (100 / zoomed.TileSize), app.Controller.Camera.CenterX, 3);
        Assert.Equal(zoomed.CenterY - (40 / zoomed.TileSize), app.Controller.Camera.CenterY, 3);
        Assert.Null(app.Controller.Selected);

        // Clicking an agent's disc selects it; F follows it.
        var agent = source.Current.Agents[0];
        var at = app.Controller.Camera.TileToScreen(agent.Position.X + 0.5f, agent.Position.Y + 0.5f, Width, Height);
        window.Input.Post(InputEvent.Down(at.X, at.Y));
        window.Input.Post(InputEvent.Up(at.X, at.Y));
        window.Input.Post(InputEvent.Typed('f'));
        app.RunFrame();
        Assert.Equal(agent.Name, app.Controller.Selected);
        Assert.True(app.Controller.Follow);
        Assert.NotNull(app.LastScene!.Panel);
        var drawn = app.LastScene.Agents.Single(a => a.Name == agent.Name);
        Assert.Equal(drawn.X + 0.5f, app.Controller.Camera.CenterX, 3);
        Assert.Equal(drawn.Y + 0.5f, app.LastScene.Camera.CenterY, 3);

        // Space pauses; the step then stays put.
        window.Input.Post(InputEvent.Typed(' '));
        app.RunFrame();
        var paused = source.Current.Step;
        Thread.Sleep(50);
        app.RunFrame();
        Assert.True(app.Controller.Paused);
        Assert.Equal(paused, source.Current.Step);

        // Right arrow steps a game minute; dragging the timeline scrubs.
        window.Input.Post(InputEvent.Press(ViewerKey.Right));
        app.RunFrame();
        Assert.Equal(paused + 6, source.Current.Step);
        var track = new SceneLayout(Width, Height).TimelineTrack;
        window.Input.Post(InputEvent.Down(track.Left + 2, track.MidY));
        window.Input.Post(InputEvent.Move(track.Left + (track.Width / 2), track.MidY));
        app.RunFrame();
        Assert.InRange(source.Current.Step, 1690, 1730);
        window.Input.Post(InputEvent.Up(track.Left + (track.Width / 2), track.MidY));

        // + doubles the speed; ? shows the help overlay, which the screenshot shows as a dark box in the middle.
        window.Input.Post(InputEvent.Typed('+'));
        window.Input.Post(InputEvent.Typed('?'));
        app.RunFrame();
        Assert.Equal(2, app.Controller.Speed);
        Assert.True(app.LastScene!.ShowHelp);
        using var shot = Screenshot(window, app);
        var middle = new SKRect((Width / 2) - 80, (Height / 2) - 40, (Width / 2) + 80, (Height / 2) + 40);
        Assert.True(Pixels.Count(shot, middle, c => Pixels.Luma(c) < 40) > 5000, "no help overlay in the screenshot");

        // Escape closes help first, then quits.
        window.Input.Post(InputEvent.Press(ViewerKey.Escape));
        app.RunFrame();
        Assert.False(app.Controller.ShowHelp);
        window.Input.Post(InputEvent.Press(ViewerKey.Escape));
        app.RunFrame();
        Assert.True(app.Controller.QuitRequested);
    }

    [Fact]
    public void A_live_simulation_steps_beside_the_window_without_stalling_it()
    {
        var scenario = ScenarioLoader.Load(RepoPaths.Scenario("tiny.yaml"));
        using var window = GlfwWindow.Open(Width, Height, "live");
        using var source = new LiveSource(scenario);
        using var app = new ViewerApp(window, source);
        for (var i = 0; i < 6; i++)
        {
            window.Input.Post(InputEvent.Typed('+')); // 64x: 384 steps per second
        }

        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < TimeSpan.FromSeconds(1.5))
        {
            app.RunFrame();
        }

        Assert.Equal(64, app.Controller.Speed);
        Assert.True(source.Steps > 100, $"the live simulation ran only {source.Steps} steps");
        Assert.True(app.Frames > 10, $"the window drew only {app.Frames} frames");
        Assert.Null(app.LastScene!.Timeline);
        Assert.Equal(scenario.Start + (scenario.Step * source.Current.Step), source.Current.Time);
        using var shot = Screenshot(window, app);
        Assert.True(Pixels.Count(shot, new SKRect(0, 0, Width, Height), c => Pixels.Near(c, Palette.Wall, 2)) > 500, "no walls in the live window");
    }

    [Fact]
    public void A_slow_simulation_never_stalls_the_window()
    {
        var scenario = ScenarioLoader.Load(RepoPaths.Scenario("tiny.yaml"));
        using var window = GlfwWindow.Open(Width, Height, "slow");
        using var source = new LiveSource(scenario, new SlowBehavior());
        using var app = new ViewerApp(window, source);
        for (var i = 0; i < 6; i++)
        {
            window.Input.Post(InputEvent.Typed('+'));
        }

        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < TimeSpan.FromSeconds(1.5))
        {
            app.RunFrame();
        }

        // Each step takes 250 ms: a window that waited for steps would have drawn at most about 6 frames.
        Assert.InRange(source.Steps, 1, 8);
        Assert.True(app.Frames > 10, $"the window drew only {app.Frames} frames beside a slow simulation");
    }

    private static SKBitmap Screenshot(GlfwWindow window, ViewerApp app)
    {
        window.CaptureNextFrame();
        app.RunFrame();
        return window.TakeCapture() ?? throw new InvalidOperationException("no capture");
    }

    /// <summary>A behaviour that takes a quarter of a second per step, like a slow model.</summary>
    private sealed class SlowBehavior : World.Simulation.IBehavior
    {
        private readonly World.Simulation.RoutineBehavior _routine = new();

        public async ValueTask UpdateAsync(World.Simulation.Town town, World.Events.StepEvents events, CancellationToken cancellationToken)
        {
            await Task.Delay(250, cancellationToken);
            await _routine.UpdateAsync(town, events, cancellationToken);
        }
    }
}
