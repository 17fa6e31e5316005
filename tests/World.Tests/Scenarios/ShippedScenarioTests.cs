using Agents.World.Map;
using Agents.World.Scenarios;

namespace Agents.World.Tests.Scenarios;

public sealed class ShippedScenarioTests
{
    [Fact]
    public void Tiny_scenario_loads_with_three_agents_on_a_thirty_by_twenty_map()
    {
        var scenario = ScenarioLoader.Load(RepoPaths.Scenario("tiny.yaml"));

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
        var scenario = ScenarioLoader.Load(RepoPaths.Scenario("tiny.yaml"));

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
        var scenario = ScenarioLoader.Load(RepoPaths.Scenario("smallville.yaml"));

        Assert.Equal("Smallville", scenario.Name);
        Assert.Equal(25, scenario.Agents.Count);
        Assert.Equal((100, 70), (scenario.Map.Width, scenario.Map.Height));
        Assert.Equal(new DateTime(2023, 2, 13, 0, 0, 0), scenario.Start);
        Assert.Equal(TimeSpan.FromDays(2), scenario.Duration);
        Assert.Single(scenario.ReferencedFiles);
        Assert.EndsWith("smallville.txt", scenario.ReferencedFiles[0]);
    }

    [Theory]
    [InlineData("mayor", "Sam Moore")]
    [InlineData("Valentine", "Isabella Rodriguez")]
    public void Smallville_seeds_each_of_the_papers_facts_in_exactly_one_agent(string keyword, string owner)
    {
        var scenario = ScenarioLoader.Load(RepoPaths.Scenario("smallville.yaml"));

        var holders = scenario.Agents
            .Where(a => a.Memories.Append(a.Situation).Any(m => m.Contains(keyword, StringComparison.OrdinalIgnoreCase)))
            .Select(a => a.Name);

        Assert.Equal([owner], holders);
    }

    [Fact]
    public void Smallville_has_the_towns_places_each_furnished_with_objects()
    {
        var map = ScenarioLoader.Load(RepoPaths.Scenario("smallville.yaml")).Map;

        foreach (var place in new[]
                 {
                     "Hobbs Cafe:cafe:counter", "Oak Hill College:classroom", "Oak Hill College:library", "Johnson Park",
                     "Harvey Oak Supply Store", "The Rose and Crown Pub:bar:bar counter", "Willow Market and Pharmacy:pharmacy",
                     "Town Hall", "Oak Hill College Dorm:common room", "Main Street",
                 })
        {
            Assert.True(map.Exists(Address.Parse(place)), place);
        }

        Assert.All(map.Arenas.Where(a => a.Name != "sidewalk"), a => Assert.NotEmpty(a.Objects));
        Assert.True(map.Sectors.Count >= 20, $"{map.Sectors.Count} sectors");
    }

    [Fact]
    public void Smallville_agents_share_family_homes_and_the_dorm_and_sleep_at_home()
    {
        var scenario = ScenarioLoader.Load(RepoPaths.Scenario("smallville.yaml"));

        var households = scenario.Agents.GroupBy(a => a.Home.Sector).ToList();
        Assert.Contains(households, h => h.Count() >= 3);
        Assert.True(households.Count(h => h.Count() >= 2) >= 8, "most agents live with family or roommates");
        Assert.Equal(scenario.Agents.Count, scenario.Agents.Select(a => a.Position).Distinct().Count());
        Assert.All(scenario.Agents, a =>
        {
            Assert.InRange(a.Routine.Count, 8, 12);
            var sleep = Assert.Single(a.Routine, r => r.Activity == "sleep");
            Assert.Equal(a.Home.Sector, sleep.Place.Sector);
            Assert.NotEmpty(a.Traits);
            Assert.True(a.Memories.Count >= 4, a.Name);
        });
    }

    [Fact]
    public void Smallville_measures_both_facts_relationships_and_party_attendance()
    {
        var metrics = ScenarioLoader.Load(RepoPaths.Scenario("smallville.yaml")).Metrics;

        Assert.Equal(
            [MetricKinds.InformationDiffusion, MetricKinds.InformationDiffusion, MetricKinds.RelationshipDensity, MetricKinds.Attendance],
            metrics.Select(m => m.Kind));
        var party = metrics[3];
        Assert.Equal(new Address("Hobbs Cafe"), party.Place);
        Assert.Equal((new DateTime(2023, 2, 14, 17, 0, 0), new DateTime(2023, 2, 14, 19, 0, 0)), (party.From!.Value, party.To!.Value));
        Assert.Equal(24, party.Agents.Count);
    }

    [Theory]
    [InlineData("tiny.yaml")]
    [InlineData("smallville.yaml")]
    public void Every_walkable_tile_of_a_shipped_town_can_be_reached_from_every_other(string file)
    {
        var map = ScenarioLoader.Load(RepoPaths.Scenario(file)).Map;

        Assert.Equal(1, new Pathfinder(map, cacheCapacity: 0).ComponentCount);
    }

    [Fact]
    public void The_tiled_tiny_town_has_the_same_tiles_places_and_starts_as_the_grid_one()
    {
        var grid = ScenarioLoader.Load(RepoPaths.Scenario("tiny.yaml"));
        var tiled = ScenarioLoader.Load(RepoPaths.Scenario("tiny-tiled.yaml"));

        Assert.Equal((grid.Map.Width, grid.Map.Height), (tiled.Map.Width, tiled.Map.Height));
        for (var y = 0; y < grid.Map.Height; y++)
        {
            for (var x = 0; x < grid.Map.Width; x++)
            {
                var p = new Point(x, y);
                Assert.Equal((grid.Map.TileAt(p).Kind, grid.Map.IsWalkable(p), grid.Map.AddressAt(p)), (tiled.Map.TileAt(p).Kind, tiled.Map.IsWalkable(p), tiled.Map.AddressAt(p)));
            }
        }

        Assert.Equal(grid.Agents.Select(a => (a.Name, a.Position)), tiled.Agents.Select(a => (a.Name, a.Position)));
        Assert.Equal([RepoPaths.Scenario("maps/tiny.tmj")], tiled.ReferencedFiles);
    }
}
