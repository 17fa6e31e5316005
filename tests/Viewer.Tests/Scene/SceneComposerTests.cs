using Agents.Viewer.Frames;
using Agents.Viewer.Panel;
using Agents.Viewer.Scene;
using Agents.World.Map;
using Agents.World.Scenarios;

namespace Agents.Viewer.Tests.Scene;

public sealed class SceneComposerTests
{
    private readonly Scenario _tiny = ScenarioLoader.Load(RepoPaths.Scenario("tiny.yaml"));

    [Fact]
    public void Agents_get_sleeping_and_moving_flags_and_objects_their_states()
    {
        var frame = Frame(new DateTime(2023, 2, 13, 8, 5, 0), ("sleep", false), ("walk along the street", true), ("eat lunch", false));
        var scene = new SceneComposer().Compose(frame, new Camera(10, 10, 20), null);
        Assert.True(scene.Agents[0].IsSleeping);
        Assert.False(scene.Agents[1].IsSleeping);
        Assert.True(scene.Agents[1].IsMoving);
        Assert.StartsWith("→", scene.Agents[1].Activity, StringComparison.Ordinal);
        Assert.Equal("brewing", scene.Objects.Single(o => o.Position == new Point(8, 2)).State);
        Assert.Equal("idle", scene.Objects.Single(o => o.Position == new Point(2, 2)).State);
        Assert.Null(scene.Panel);
        Assert.Equal("TM", scene.Agents[1].Initials);
    }

    [Fact]
    public void The_panel_of_the_selected_agent_has_persona_plan_now_and_perceptions_with_the_current_item_highlighted()
    {
        var frame = Frame(new DateTime(2023, 2, 13, 8, 30, 0), ("open the cafe", false), ("have coffee at the cafe", false), ("work the morning shift", false));
        var scene = new SceneComposer().Compose(frame, new Camera(10, 10, 20), "Tom Moreno");
        var panel = scene.Panel!;
        Assert.Equal("Tom Moreno", panel.Name);
        Assert.Equal(["Persona", "Today's plan", "Now", "Perceived"], panel.Sections.Select(s => s.Title));
        var plan = panel.Sections[1].Lines;
        Assert.Equal("08:00 have coffee at the cafe", Assert.Single(plan, l => l.Highlight).Text);
        Assert.Contains("46 years", panel.Sections[0].Lines[0].Text, StringComparison.Ordinal);
        Assert.Equal("08:29 Jane Moreno is work the morning shift", panel.Sections[3].Lines[0].Text);
    }

    [Fact]
    public void Custom_panel_sections_plug_in_after_or_instead_of_the_default_ones()
    {
        var frame = Frame(new DateTime(2023, 2, 13, 8, 30, 0), ("a", false), ("b", false), ("c", false));
        var composer = new SceneComposer([.. SceneComposer.DefaultSections, new FixedSection()]);
        var panel = composer.Compose(frame, new Camera(10, 10, 20), "Jane Moreno").Panel!;
        Assert.Equal("Memories", panel.Sections[^1].Title);
        Assert.Equal("Jane Moreno remembers 3 things", panel.Sections[^1].Lines[0].Text);
    }

    [Fact]
    public void Clicking_near_a_disc_finds_its_agent_and_empty_ground_finds_none()
    {
        var frame = Frame(new DateTime(2023, 2, 13, 8, 30, 0), ("a", false), ("b", false), ("c", false));
        var camera = new Camera(10, 10, 20);
        var tom = frame.Agents[1];
        var at = camera.TileToScreen(tom.Position.X + 0.6f, tom.Position.Y + 0.4f, 800, 600);
        Assert.Equal("Tom Moreno", SceneComposer.AgentAt(frame, camera, at.X, at.Y, 800, 600));
        var empty = camera.TileToScreen(29.5f, 19.5f, 800, 600);
        Assert.Null(SceneComposer.AgentAt(frame, camera, empty.X, empty.Y, 800, 600));
    }

    private TownFrame Frame(DateTime time, params (string Activity, bool Moving)[] agents)
    {
        Point[] positions = [new(27, 3), new(12, 10), new(13, 15)];
        var views = agents.Select((a, i) => new AgentFrame(i, _tiny.Agents[i].Name, positions[i], a.Activity, "somewhere", a.Moving, "there", i == 1 ? ["08:29 Jane Moreno is work the morning shift", "08:20 counter is serving"] : [])).ToList();
        return new TownFrame(_tiny, _tiny.Seed, 0, time, views, new Dictionary<string, string> { ["Moreno House:kitchen:stove"] = "brewing" });
    }

    private sealed class FixedSection : IAgentPanelSection
    {
        public PanelSection? Build(TownFrame frame, AgentFrame agent) => new("Memories", [new PanelLine($"{agent.Name} remembers 3 things")]);
    }
}
