using Agents.Viewer.Rendering;
using Agents.Viewer.Scene;
using Agents.World.Map;
using Agents.World.Scenarios;
using SkiaSharp;

namespace Agents.Viewer.Tests.Rendering;

public sealed class SceneRendererTests : IDisposable
{
    private const int Width = 900;
    private const int Height = 600;
    private readonly TempFolder _temp = new();
    private readonly SceneRenderer _renderer = new();
    private readonly Scenario _tiny = ScenarioLoader.Load(RepoPaths.Scenario("tiny.yaml"));

    public void Dispose()
    {
        _renderer.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void A_wall_tile_is_drawn_in_the_wall_colour_at_its_place_in_the_png()
    {
        var scene = KnownScene();
        using var png = RenderAndDecode(scene);
        // (1, 7) is a wall of the Moreno house in tiny.yaml; (3, 7) too.
        Assert.Equal("wall", _tiny.Map.TileAt(new Point(3, 7)).Kind);
        var at = scene.Camera.TileToScreen(3.5f, 7.5f, Width, Height);
        Pixels.AssertColor(Palette.Wall, png.GetPixel((int)at.X, (int)at.Y), where: "wall tile (3,7)");
    }

    [Fact]
    public void Tiles_of_a_sector_are_tinted_and_the_street_is_not()
    {
        var scene = KnownScene();
        using var png = RenderAndDecode(scene);
        var road = scene.Camera.TileToScreen(25.5f, 10.5f, Width, Height); // Main Street (sector 2)
        var grass = scene.Camera.TileToScreen(0.5f, 19.5f, Width, Height); // no sector
        Pixels.AssertColor(Palette.Tinted(Palette.TileColor("road"), Palette.SectorTint(2)), png.GetPixel((int)road.X, (int)road.Y));
        Pixels.AssertColor(Palette.TileColor("grass"), png.GetPixel((int)grass.X, (int)grass.Y));
    }

    [Fact]
    public void An_agent_is_a_disc_of_its_colour_on_its_tile()
    {
        var scene = KnownScene();
        using var png = RenderAndDecode(scene);
        var agent = scene.Agents[1];
        var centre = scene.Camera.TileToScreen(agent.X + 0.5f, agent.Y + 0.5f, Width, Height);
        var r = SceneRenderer.DiscRadius(scene.Camera.TileSize);
        // Left of the initials, inside the disc.
        Pixels.AssertColor(Palette.AgentColor(agent.Index), png.GetPixel((int)(centre.X - (0.7f * r)), (int)centre.Y), where: "agent disc");
        // The initials are drawn in the disc: some pixels near the centre differ from the disc colour.
        var core = new SKRect(centre.X - (r * 0.5f), centre.Y - (r * 0.5f), centre.X + (r * 0.5f), centre.Y + (r * 0.5f));
        Assert.True(Pixels.Count(png, core, c => !Pixels.Near(c, Palette.AgentColor(agent.Index), 40)) > 5, "no initials in the disc");
    }

    [Fact]
    public void A_sector_label_is_a_dark_box_with_light_text_in_it()
    {
        var scene = KnownScene();
        using var png = RenderAndDecode(scene);
        var box = _renderer.SectorLabelBox(scene, _tiny.Map.FindSector("Hobbs Cafe")!, Width, Height);
        Assert.True(box.Width > 40, $"label box too narrow: {box}");
        var edge = png.GetPixel((int)box.Left + 2, (int)box.MidY);
        Assert.True(Pixels.Luma(edge) < 60, $"label box edge is not dark: {edge}");
        var inside = new SKRect(box.Left + 3, box.Top + 2, box.Right - 3, box.Bottom - 2);
        Assert.True(Pixels.Count(png, inside, c => Pixels.Luma(c) > 180) > 20, "the label box holds no text");
    }

    [Fact]
    public void A_busy_object_is_marked_busy_and_an_idle_one_idle()
    {
        var scene = KnownScene();
        using var png = RenderAndDecode(scene);
        var counter = scene.Objects.Single(o => o.Position == new Point(12, 14));
        var table = scene.Objects.Single(o => o.Position == new Point(10, 16));
        Assert.True(counter.IsBusy);
        Assert.False(table.IsBusy);
        var c = scene.Camera.TileToScreen(12.5f, 14.5f, Width, Height);
        var t = scene.Camera.TileToScreen(10.5f, 16.5f, Width, Height);
        Pixels.AssertColor(Palette.BusyObject, png.GetPixel((int)c.X, (int)c.Y));
        Pixels.AssertColor(Palette.IdleObject, png.GetPixel((int)t.X, (int)t.Y));
    }

    [Fact]
    public void The_side_panel_shows_the_selected_agent_with_the_current_plan_item_highlighted()
    {
        var scene = KnownScene() with
        {
            Selected = "Tom Moreno",
            Panel = new AgentPanel("Tom Moreno", 1, [new PanelSection("Plan", [new PanelLine("07:00 coffee"), new PanelLine("08:00 cafe", Highlight: true)])]),
        };
        using var png = RenderAndDecode(scene);
        var panel = new SceneLayout(Width, Height).Panel;
        Assert.True(Pixels.Count(png, panel, c => Pixels.Near(c, Palette.Highlight, 8)) > 300, "no highlighted plan line in the panel");
        Assert.True(Pixels.Luma(png.GetPixel((int)panel.Right - 4, (int)panel.Bottom - 4)) < 60, "the panel box is not dark");
        // The selected agent gets a ring in the selection colour.
        var tom = scene.Agents[1];
        var centre = scene.Camera.TileToScreen(tom.X + 0.5f, tom.Y + 0.5f, Width, Height);
        var r = SceneRenderer.DiscRadius(scene.Camera.TileSize);
        Pixels.AssertColor(Palette.Selection, png.GetPixel((int)(centre.X - r - 2), (int)centre.Y), 10, "selection ring");
    }

    [Fact]
    public void A_speech_bubble_is_drawn_above_its_speaker()
    {
        var scene = KnownScene() with { Bubbles = [new SpeechBubble("Isabella Rodriguez", "Hi Tom! Coming to the party?")] };
        using var png = RenderAndDecode(scene);
        var isabella = scene.Agents[0];
        var centre = scene.Camera.TileToScreen(isabella.X + 0.5f, isabella.Y + 0.5f, Width, Height);
        var r = SceneRenderer.DiscRadius(scene.Camera.TileSize);
        var above = new SKRect(centre.X - 60, centre.Y - r - 30, centre.X + 60, centre.Y - r - 10);
        Assert.True(Pixels.Count(png, above, c => Pixels.Near(c, Palette.Bubble, 6)) > 400, "no bubble above the speaker");
        Assert.True(Pixels.Count(png, above, c => Pixels.Luma(c) < 80) > 20, "the bubble holds no text");
    }

    [Fact]
    public void Only_the_visible_tiles_are_drawn_and_the_rest_is_background()
    {
        var camera = new Camera(2, 2, 40);
        var visible = camera.VisibleTiles(_tiny.Map, Width, Height);
        Assert.Equal(new Rect(0, 0, 14, 10), visible);
        var scene = KnownScene() with { Camera = camera };
        using var png = RenderAndDecode(scene);
        // Up and left of tile (0,0) lies no map.
        Pixels.AssertColor(Palette.Background, png.GetPixel(5, Height - 5 - 40 * 2));
        var grass = camera.TileToScreen(0.5f, 0.5f, Width, Height);
        Pixels.AssertColor(Palette.TileColor("grass"), png.GetPixel((int)grass.X, (int)grass.Y));
    }

    [Fact]
    public void The_timeline_fills_up_to_the_current_step()
    {
        var scene = KnownScene() with { Timeline = new Timeline(0, 100, 25, _tiny.Start, _tiny.Start.AddMinutes(16)) };
        using var png = RenderAndDecode(scene);
        var track = new SceneLayout(Width, Height).TimelineTrack;
        var filled = track.Left + (track.Width * 0.10f);
        var empty = track.Left + (track.Width * 0.60f);
        Pixels.AssertColor(Palette.Highlight, png.GetPixel((int)filled, (int)track.MidY), 4, "filled part");
        Assert.False(Pixels.Near(png.GetPixel((int)empty, (int)track.MidY), Palette.Highlight, 30), "the track is filled past the current step");
    }

    [Fact]
    public void The_help_overlay_covers_the_middle_of_the_frame()
    {
        using var plain = RenderAndDecode(KnownScene());
        using var help = RenderAndDecode(KnownScene() with { ShowHelp = true });
        var middle = new SKRect((Width / 2) - 100, (Height / 2) - 60, (Width / 2) + 100, (Height / 2) + 60);
        Assert.True(Pixels.Count(help, middle, c => Pixels.Luma(c) < 40) > Pixels.Count(plain, middle, c => Pixels.Luma(c) < 40) + 5000);
    }

    [Fact]
    public void The_whole_smallville_map_renders_with_its_twenty_five_agents()
    {
        var smallville = ScenarioLoader.Load(RepoPaths.Scenario("smallville.yaml"));
        var agents = smallville.Agents.Select((a, i) => new AgentView(i, a.Name, a.Position.X, a.Position.Y, "sleeping", false, true, false)).ToList();
        var objects = smallville.Map.Objects.Select(o => new ObjectView(o.Address.Object!, o.Position, o.InitialState)).ToList();
        var scene = new SceneState(smallville.Map, smallville.Start, agents, objects, Camera.Fit(smallville.Map, 1400, 980)) { Title = smallville.Name };
        var path = _temp["smallville.png"];
        PngFrames.Write(_renderer, scene, 1400, 980, path);
        using var png = SKBitmap.Decode(path);
        Assert.Equal(1400, png.Width);
        foreach (var agent in agents.Take(5))
        {
            var at = scene.Camera.TileToScreen(agent.X + 0.5f, agent.Y + 0.5f, 1400, 980);
            var r = SceneRenderer.DiscRadius(scene.Camera.TileSize);
            Assert.True(Pixels.Count(png, new SKRect(at.X - r, at.Y - r, at.X + r, at.Y + r), c => Pixels.Near(c, Palette.AgentColor(agent.Index), 10)) > 0, $"no disc for {agent.Name}");
        }
    }

    private SKBitmap RenderAndDecode(SceneState scene)
    {
        var path = _temp[$"{Guid.NewGuid():N}.png"];
        PngFrames.Write(_renderer, scene, Width, Height, path);
        Assert.True(File.Exists(path));
        return SKBitmap.Decode(path) ?? throw new InvalidOperationException("the PNG did not decode");
    }

    private SceneState KnownScene()
    {
        var map = _tiny.Map;
        AgentView[] agents =
        [
            new(0, "Isabella Rodriguez", 12, 15, "serve customers", false, false, false),
            new(1, "Tom Moreno", 14, 10, "walk along the street", true, false, false),
            new(2, "Jane Moreno", 3, 3, "sleep", false, true, false),
        ];
        var objects = map.Objects
            .Select(o => new ObjectView(o.Address.Object!, o.Position, o.Address.ToString() == "Hobbs Cafe:cafe:counter" ? "serving customers" : "idle"))
            .ToList();
        return new SceneState(map, _tiny.Start.AddHours(9), agents, objects, new Camera(15, 10, 28)) { Speed = "4x", Title = _tiny.Name };
    }
}
