using Agents.Tools;
using Agents.World.Components;
using Agents.World.Scenarios;
using Agents.World.Simulation;

namespace Agents.Tests.Tools;

public sealed class WorldPluginTests
{
    private static async Task StepUntilAsync(Town town, StepPipeline pipeline, DateTime until)
    {
        while (town.Clock.Now < until)
        {
            await pipeline.StepAsync(town, default);
        }
    }

    [Fact]
    public async Task Where_is_and_who_is_at_read_the_live_town_as_it_moves()
    {
        var scenario = ScenarioLoader.Load(TestFiles.Scenario("tiny.yaml"));
        using var town = Town.Create(scenario, scenario.Seed);
        var world = new WorldPlugin(town);
        var pipeline = new StepPipeline(new RoutineBehavior());

        Assert.StartsWith("Tom Moreno is at Moreno House", world.WhereIs("Tom Moreno"), StringComparison.Ordinal);
        Assert.Equal("At Moreno House: Tom Moreno, Jane Moreno.", world.WhoIsAt("Moreno House"));
        Assert.Equal("Nobody is at Hobbs Cafe.", world.WhoIsAt("Hobbs Cafe"));

        await StepUntilAsync(town, pipeline, scenario.Start.AddHours(9.5));

        Assert.Equal("At Hobbs Cafe: Isabella Rodriguez, Jane Moreno.", world.WhoIsAt("Hobbs Cafe"));
        Assert.Equal("At Hobbs Cafe:cafe: Isabella Rodriguez, Jane Moreno.", world.WhoIsAt("hobbs cafe:CAFE"));
        Assert.Equal("Nobody is at Hobbs Cafe:kitchen.", world.WhoIsAt("Hobbs Cafe:kitchen"));
        Assert.StartsWith("Tom Moreno is at Moreno House:bedroom", world.WhereIs("tom"), StringComparison.Ordinal);
        Assert.EndsWith("(write his novel).", world.WhereIs("Tom Moreno"), StringComparison.Ordinal);

        // The answer is the ECS's: the most specific place of the tile each agent stands on.
        foreach (var agent in town.Agents)
        {
            var name = town.Entities.Get<Named>(agent).Value;
            var at = town.Map.AddressAt(town.Entities.Get<TilePosition>(agent).Point)!.Value.ToString();
            Assert.StartsWith($"{name} is at {at}", world.WhereIs(name), StringComparison.Ordinal);
            Assert.Contains(name, world.WhoIsAt(at.Split(':')[0]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unknown_names_and_places_answer_with_what_is_known()
    {
        var scenario = ScenarioLoader.Load(TestFiles.Scenario("tiny.yaml"));
        using var town = Town.Create(scenario, scenario.Seed);
        var world = new WorldPlugin(town);

        Assert.Equal("There is no agent called Moreno. Agents: Isabella Rodriguez, Tom Moreno, Jane Moreno.", world.WhereIs("Moreno"));
        Assert.StartsWith("There is no place called Moon Base. Sectors: Moreno House, Rodriguez House, Main Street, Hobbs Cafe, Willow Pond.", world.WhoIsAt("Moon Base"), StringComparison.Ordinal);
        Assert.StartsWith("There is no place called Hobbs Cafe:attic.", world.WhoIsAt("Hobbs Cafe:attic"), StringComparison.Ordinal);
        Assert.StartsWith("There is no place called", world.WhoIsAt(""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_react_agent_can_call_the_world_tools_by_name()
    {
        var scenario = ScenarioLoader.Load(TestFiles.Scenario("tiny.yaml"));
        using var town = Town.Create(scenario, scenario.Seed);
        var tools = ToolBox.FromPlugins(new WorldPlugin(town));

        Assert.Contains(tools.Describe(), d => d.StartsWith("WhereIs[agent]:", StringComparison.Ordinal));
        Assert.Contains(tools.Describe(), d => d.StartsWith("WhoIsAt[place]:", StringComparison.Ordinal));
        Assert.StartsWith("Isabella Rodriguez is at Rodriguez House", await tools.InvokeAsync(new ToolAction("WhereIs", "Isabella Rodriguez"), default), StringComparison.Ordinal);
        Assert.Equal("At Rodriguez House: Isabella Rodriguez.", await tools.InvokeAsync(new ToolAction("World.WhoIsAt", """{"place": "Rodriguez House"}"""), default));
    }
}
