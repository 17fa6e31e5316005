using Agents.World.Map;
using Agents.World.Scenarios;

namespace Agents.World.Tests.Scenarios;

public sealed class ValidScenarioTests
{
    [Fact]
    public void The_test_scenario_loads_with_defaults_for_every_optional_key()
    {
        var scenario = ScenarioLoader.Parse(ScenarioText.Valid, ScenarioText.FileName);

        Assert.Equal(0, scenario.Seed);
        Assert.Equal(TimeSpan.FromSeconds(10), scenario.Step);
        Assert.Equal(TimeSpan.FromDays(1), scenario.Duration);
        Assert.Equal(360, scenario.SnapshotEvery);
        Assert.Equal(MindSpec.Scripted, scenario.Mind);
        Assert.Equal(new MemorySpec(), scenario.Memory);
        Assert.Equal((4, 3, 5), (scenario.Perception.VisionRadius, scenario.Perception.Attention, scenario.Perception.Retention));
        Assert.Empty(scenario.Metrics);
        Assert.Empty(scenario.ReferencedFiles);
        Assert.Equal(ScenarioText.Valid, scenario.SourceText);
        Assert.Equal(ScenarioText.FileName, scenario.SourcePath);
    }

    [Fact]
    public void An_agent_without_a_position_starts_on_a_walkable_tile_of_its_home()
    {
        var scenario = ScenarioLoader.Parse(ScenarioText.Valid, ScenarioText.FileName);

        var ann = Assert.Single(scenario.Agents);
        Assert.Equal(new Address("House", "room"), ann.Home);
        Assert.Equal(new Point(1, 1), ann.Position);
        Assert.Equal(30, ann.Age);
        Assert.Empty(ann.Traits);
    }

    [Fact]
    public void Agents_sharing_a_home_start_on_different_tiles()
    {
        var yaml = ScenarioText.Valid + """

              - name: Bob
                age: 31
                home: House:room
            """;

        var scenario = ScenarioLoader.Parse(yaml, ScenarioText.FileName);

        Assert.NotEqual(scenario.Agents[0].Position, scenario.Agents[1].Position);
        Assert.All(scenario.Agents, a => Assert.Equal(new Address("House", "room"), scenario.Map.ArenaAt(a.Position)!.Address));
    }

    [Fact]
    public void Routine_items_are_sorted_by_time_whatever_their_order_in_the_file()
    {
        var yaml = ScenarioText.Replace(
            ScenarioText.Valid,
            """
                  - { at: "08:00", do: work, place: "Shop:floor" }
                  - { at: "18:00", do: sleep, place: "House:room:bed" }
            """,
            """
                  - { at: "18:00", do: sleep, place: "House:room:bed" }
                  - { at: "6:30", do: wake up, place: "House:room" }
                  - { at: "08:00", do: work, place: "Shop:floor" }
            """);

        var routine = ScenarioLoader.Parse(yaml, ScenarioText.FileName).Agents[0].Routine;

        Assert.Equal([new TimeOnly(6, 30), new TimeOnly(8, 0), new TimeOnly(18, 0)], routine.Select(r => r.At));
        Assert.Equal(new Address("House", "room", "bed"), routine[2].Place);
        Assert.Equal("sleep", routine[2].Activity);
    }

    [Fact]
    public void Every_setting_section_is_read_into_the_typed_model()
    {
        var yaml = ScenarioText.Valid + """

            seed: 9
            step: 1m30s
            duration: 1d12h
            snapshot_every: 60
            mind: { kind: endpoint, endpoint: "http://127.0.0.1:8080/v1", model: small, api_key_env: KEY, temperature: 0.2, call_budget: 500 }
            memory: { recency_weight: 0.5, importance_weight: 2, relevance_weight: 3, recency_decay: 0.9, top_k: 10, reflection_threshold: 100, embedding_dimension: 64 }
            perception: { vision_radius: 6, attention: 2, retention: 4 }
            metrics:
              - { kind: information_diffusion, name: news, fact: Ann sells bread, keywords: "bread, Ann" }
              - { kind: relationship_density }
              - { kind: attendance, name: opening, place: "Shop:floor", from: 2023-02-13 09:00, to: "2023-02-13T10:30", agents: [Ann] }
            """;

        var scenario = ScenarioLoader.Parse(yaml, ScenarioText.FileName);

        Assert.Equal(9, scenario.Seed);
        Assert.Equal(TimeSpan.FromSeconds(90), scenario.Step);
        Assert.Equal(TimeSpan.FromHours(36), scenario.Duration);
        Assert.Equal(60, scenario.SnapshotEvery);
        Assert.Equal(new MindSpec(MindKinds.Endpoint, "small", "http://127.0.0.1:8080/v1", "KEY", 0.2, 500), scenario.Mind);
        Assert.Equal(new MemorySpec(0.5, 2, 3, 0.9, 10, 100, 64), scenario.Memory);
        Assert.Equal((6, 2, 4), (scenario.Perception.VisionRadius, scenario.Perception.Attention, scenario.Perception.Retention));
        Assert.Equal(["bread", "Ann"], scenario.Metrics[0].Keywords);
        Assert.Equal(MetricKinds.RelationshipDensity, scenario.Metrics[1].Name);
        var attendance = scenario.Metrics[2];
        Assert.Equal(new Address("Shop", "floor"), attendance.Place);
        Assert.Equal(new DateTime(2023, 2, 13, 10, 30, 0), attendance.To);
        Assert.Equal(["Ann"], attendance.Agents);
    }

    [Fact]
    public void A_grid_file_beside_the_scenario_is_read_and_listed_as_referenced()
    {
        using var folder = new TempFolder();
        var yaml = ScenarioText.Replace(ScenarioText.Valid, ScenarioText.Valid[ScenarioText.Valid.IndexOf("  grid: |", StringComparison.Ordinal)..ScenarioText.Valid.IndexOf("places:", StringComparison.Ordinal)], "  file: maps/grid.txt\n");
        folder.Write("maps/grid.txt", "##########\n#....#...#\n#....+...#\n#....#...#\n##########\n");
        var path = folder.Write("scenario.yaml", yaml);

        var scenario = ScenarioLoader.Load(path);

        Assert.Equal((10, 5), (scenario.Map.Width, scenario.Map.Height));
        Assert.Equal([Path.Combine(folder.Path, "maps", "grid.txt")], scenario.ReferencedFiles);
    }

    [Theory]
    [InlineData("07:59", "sleep")]
    [InlineData("08:00", "work")]
    [InlineData("17:59", "work")]
    [InlineData("18:00", "sleep")]
    [InlineData("00:00", "sleep")]
    public void The_routine_item_in_effect_runs_until_the_next_one_and_wraps_around_midnight(string time, string activity)
    {
        var ann = ScenarioLoader.Parse(ScenarioText.Valid, ScenarioText.FileName).Agents[0];

        Assert.Equal(activity, ann.RoutineAt(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture))!.Activity);
    }

    [Fact]
    public void The_end_of_a_run_is_its_start_plus_its_duration()
    {
        var scenario = ScenarioLoader.Parse(ScenarioText.Valid + "\nduration: 2d\n", ScenarioText.FileName);

        Assert.Equal(new DateTime(2023, 2, 15, 8, 0, 0), scenario.End);
        Assert.Equal(17_280, scenario.TotalSteps);
    }
}
