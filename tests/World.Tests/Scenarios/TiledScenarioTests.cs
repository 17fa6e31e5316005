using Agents.World.Map;
using Agents.World.Scenarios;

namespace Agents.World.Tests.Scenarios;

public sealed class TiledScenarioTests
{
    /// <summary>An 8x4 open map (16 px tiles): sector House over the left half with arena room, a spawn named Ann at [2, 1].</summary>
    private const string Town = """
        {
          "width": 8, "height": 4, "tilewidth": 16, "tileheight": 16, "orientation": "orthogonal", "infinite": false,
          "tilesets": [],
          "layers": [
            { "type": "tilelayer", "name": "collision", "width": 8, "height": 4,
              "data": [0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0] },
            { "type": "objectgroup", "name": "sectors", "objects": [
              { "id": 1, "name": "House", "x": 0, "y": 0, "width": 64, "height": 64 } ] },
            { "type": "objectgroup", "name": "arenas", "objects": [
              { "id": 2, "name": "room", "x": 0, "y": 0, "width": 64, "height": 64,
                "properties": [ { "name": "sector", "type": "string", "value": "House" } ] } ] },
            { "type": "objectgroup", "name": "spawns", "objects": [
              { "id": 3, "name": "Ann", "x": 40, "y": 24, "width": 0, "height": 0, "point": true } ] }
          ]
        }
        """;

    private const string Scenario = """
        name: Tiled town
        start: 2023-02-13 08:00
        map:
          tiled: maps/town.tmj
        places:
          - sector: Yard
            area: [4, 0, 4, 4]
            arenas:
              - name: lawn
                area: [4, 0, 4, 4]
        agents:
          - name: Ann
            age: 30
            home: House:room
            routine:
              - { at: "09:00", do: sit outside, place: "Yard:lawn" }
        """;

    [Fact]
    public void A_tiled_map_brings_its_places_and_spawns_and_the_scenario_adds_its_own()
    {
        using var folder = new TempFolder();
        var tmj = folder.Write("maps/town.tmj", Town);
        var path = folder.Write("town.yaml", Scenario);

        var scenario = ScenarioLoader.Load(path);

        Assert.Equal((8, 4), (scenario.Map.Width, scenario.Map.Height));
        Assert.True(scenario.Map.Exists(new Address("House", "room")));
        Assert.True(scenario.Map.Exists(new Address("Yard", "lawn")));
        Assert.Equal(new Point(2, 1), scenario.Agents[0].Position);
        Assert.Equal([tmj], scenario.ReferencedFiles);
    }

    [Fact]
    public void A_missing_tiled_file_is_reported_at_its_path()
    {
        using var folder = new TempFolder();
        var path = folder.Write("town.yaml", Scenario);

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));

        var error = Assert.Single(e.Errors, x => x.Message.StartsWith("map.tiled: ", StringComparison.Ordinal));
        Assert.Equal(ScenarioText.PositionOf(Scenario, "maps/town.tmj"), (error.Line, error.Column));
        Assert.Contains("town.tmj", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_legend_beside_a_tiled_map_is_an_error()
    {
        var yaml = ScenarioText.Replace(Scenario, "  tiled: maps/town.tmj\n", "  legend: { '#': wall }\n  tiled: maps/town.tmj\n");

        var errors = ScenarioText.ErrorsOf(yaml, "/tmp/no-such-folder/town.yaml");

        ScenarioText.AssertAt(ScenarioText.Single(errors, "map.legend: a Tiled map brings its own tiles"), yaml, "legend:");
    }
}
