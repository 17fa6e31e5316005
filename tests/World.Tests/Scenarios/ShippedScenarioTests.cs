using Agents.World.Map;
using Agents.World.Scenarios;

namespace Agents.World.Tests.Scenarios;

public sealed class ShippedScenarioTests
{
    [Fact]
    public void Tiny_scenario_loads_with_three_agents_on_a_thirty_by_twenty_map()
    {
        var scenario = ScenarioLoader.Load(ScenarioFiles.Tiny);

        Assert.Equal("Tiny Town", scenario.Name);
        Assert.Equal(3, scenario.Agents.Count);
        Assert.Equal((30, 20), (scenario.Map.Width, scenario.Map.Height));
        Assert.Equal(new DateTime(2023, 2, 13, 0, 0, 0), scenario.Start);
        Assert.Equal(TimeSpan.FromSeconds(10), scenario.Step);
        Assert.Equal(TimeSpan.FromDays(1), scenario.Duration);
        Assert.Equal(8640, scenario.TotalSteps);
        Assert.Equal(MindKinds.Scripted, scenario.Mind.Kind);
        Assert.Equal(3, scenario.Metrics.Count);
    }

    [Fact]
    public void Tiny_agents_start_inside_their_homes_with_sorted_routines_of_existing_places()
    {
        var scenario = ScenarioLoader.Load(ScenarioFiles.Tiny);

        foreach (var agent in scenario.Agents)
        {
            Assert.True(scenario.Map.IsWalkable(agent.Position));
            Assert.True(agent.Home.Contains(scenario.Map.AddressAt(agent.Position)!.Value), $"{agent.Name} starts outside {agent.Home}");
            Assert.NotEmpty(agent.Routine);
            Assert.Equal(agent.Routine.OrderBy(r => r.At).ToList(), agent.Routine);
            Assert.All(agent.Routine, r => Assert.True(scenario.Map.Exists(r.Place), r.Place.ToString()));
        }
    }

    [Fact]
    public void Smallville_loads_with_twenty_five_agents_on_a_hundred_by_seventy_map()
    {
        var scenario = ScenarioLoader.Load(ScenarioFiles.Smallville);

        Assert.Equal("Smallville", scenario.Name);
        Assert.Equal(25, scenario.Agents.Count);
        Assert.Equal((100, 70), (scenario.Map.Width, scenario.Map.Height));
        Assert.Equal(new DateTime(2023, 2, 13, 0, 0, 0), scenario.Start);
        Assert.Equal(TimeSpan.FromDays(2), scenario.Duration);
        Assert.Single(scenario.ReferencedFiles);
        Assert.EndsWith("smallville.txt", scenario.ReferencedFiles[0]);
    }
}
