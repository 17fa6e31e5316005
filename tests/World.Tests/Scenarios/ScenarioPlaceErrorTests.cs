using Agents.World.Scenarios;
using static Agents.World.Tests.Scenarios.ScenarioText;

namespace Agents.World.Tests.Scenarios;

/// <summary>Errors of the map, places, positions, references and reachability: each at its exact line and column.</summary>
public sealed class ScenarioPlaceErrorTests
{
    [Fact]
    public void Agent_on_a_wall_is_reported_with_its_line_and_column()
    {
        var yaml = With("    home: House:room\n", "    home: House:room\n    position: [0, 2]\n");

        var error = Single(ErrorsOf(yaml), "agents[0].position");

        Assert.Contains("expected a walkable tile, found [0, 2], a wall tile", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, "[0, 2]");
    }

    [Fact]
    public void Agent_off_the_map_is_reported_with_the_map_size()
    {
        var yaml = With("    home: House:room\n", "    home: House:room\n    position: [40, 2]\n");

        var error = Single(ErrorsOf(yaml), "agents[0].position");

        Assert.Contains("expected a tile on the 10x5 map", error.Message, StringComparison.Ordinal);
        Assert.Contains("found [40, 2]", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, "[40, 2]");
    }

    [Fact]
    public void Unknown_home_is_reported_at_the_home_with_a_suggestion()
    {
        var yaml = With("home: House:room", "home: House:rom");

        var error = Single(ErrorsOf(yaml), "agents[0].home");

        Assert.Contains("unknown place 'House:rom'", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'House:room'?", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, "House:rom");
    }

    [Fact]
    public void Unknown_routine_place_is_reported_at_the_place()
    {
        var yaml = With("place: \"Shop:floor\"", "place: \"Bakery:floor\"");

        var error = Single(ErrorsOf(yaml), "agents[0].routine[0].place");

        Assert.Contains("unknown place 'Bakery:floor'", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, "\"Bakery:floor\"");
    }

    [Fact]
    public void Malformed_address_is_reported_as_such()
    {
        var yaml = With("home: House:room", "home: House::room");

        var error = Single(ErrorsOf(yaml), "agents[0].home");

        Assert.Contains("expected an address sector:arena[:object], found 'House::room'", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, "House::room");
    }

    [Fact]
    public void Overlapping_sectors_are_reported_at_the_later_area()
    {
        var yaml = With("area: [6, 0, 4, 5]", "area: [5, 0, 5, 5]");

        var error = Single(ErrorsOf(yaml), "places[1].area");

        Assert.Contains("sector 'Shop' at [5, 0, 5, 5] overlaps sector 'House' at [0, 0, 6, 5]", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, "[5, 0, 5, 5]");
    }

    [Fact]
    public void Overlapping_arenas_are_reported_at_the_later_area()
    {
        var yaml = With(
            "          - { name: bed, at: [1, 1] }\n",
            "          - { name: bed, at: [1, 1] }\n      - name: nook\n        area: [4, 3, 1, 1]\n");

        var error = Single(ErrorsOf(yaml), "places[0].arenas[1].area");

        Assert.Contains("arena 'nook' at [4, 3, 1, 1] overlaps arena 'room'", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, "[4, 3, 1, 1]");
    }

    [Fact]
    public void Arena_outside_its_sector_is_reported_at_its_area()
    {
        var yaml = With("area: [1, 1, 4, 3]", "area: [1, 1, 7, 3]");

        var error = Single(ErrorsOf(yaml), "places[0].arenas[0].area");

        Assert.Contains("expected arena 'room' inside its sector 'House' at [0, 0, 6, 5], found [1, 1, 7, 3]", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, "[1, 1, 7, 3]");
    }

    [Fact]
    public void Object_outside_its_arena_is_reported_at_its_tile()
    {
        var yaml = With("at: [1, 1]", "at: [5, 2]");

        var errors = ErrorsOf(yaml);

        var error = Single(errors, "places[0].arenas[0].objects[0].at");
        Assert.Contains("expected a tile inside arena 'room' at [1, 1, 4, 3], found [5, 2]", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, "[5, 2]");
        Assert.DoesNotContain(errors, e => e.Message.Contains("House:room:bed", StringComparison.Ordinal));
    }

    [Fact]
    public void Sector_off_the_map_is_reported_at_its_area()
    {
        var yaml = With("area: [6, 0, 4, 5]", "area: [6, 0, 8, 5]");

        var error = Single(ErrorsOf(yaml), "places[1].area");

        Assert.Contains("expected sector 'Shop' inside the 10x5 map, found [6, 0, 8, 5]", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, "[6, 0, 8, 5]");
    }

    [Fact]
    public void Undefined_legend_character_is_reported_at_its_place_inside_the_grid_block()
    {
        var yaml = With("#....+...#", "#..x.+...#");

        var error = Single(ErrorsOf(yaml), "unknown tile character 'x'");

        // The grid block is indented by 4; 'x' is the 4th character of its row.
        AssertAt(error, yaml, "x.+", 0);
        Assert.Equal(PositionOf(yaml, "#..x").Column + 3, error.Column);
    }

    [Fact]
    public void Ragged_row_is_reported_at_the_end_of_the_short_row()
    {
        var yaml = With("#....#...#\n    #....+", "#....#..\n    #....+");

        var error = Single(ErrorsOf(yaml), "has 8 characters; expected 10");

        Assert.Equal(PositionOf(yaml, "#....#..\n").Line, error.Line);
        Assert.Equal(5 + 8, error.Column);
    }

    [Fact]
    public void Errors_in_a_grid_file_name_that_file_with_its_own_line_and_column()
    {
        using var folder = new TempFolder();
        var start = Valid.IndexOf("  grid: |", StringComparison.Ordinal);
        var yaml = Replace(Valid, Valid[start..Valid.IndexOf("places:", StringComparison.Ordinal)], "  file: grid.txt\n");
        var grid = folder.Write("grid.txt", "##########\n#....#...#\n#....+..?#\n#....#...#\n##########\n");
        var path = folder.Write("s.yaml", yaml);

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path));

        var error = Single(e.Errors, "unknown tile character '?'");
        Assert.Equal((grid, 3, 9), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void Missing_grid_file_is_reported_at_the_file_key()
    {
        var start = Valid.IndexOf("  grid: |", StringComparison.Ordinal);
        var yaml = Replace(Valid, Valid[start..Valid.IndexOf("places:", StringComparison.Ordinal)], "  file: nowhere/grid.txt\n");

        var error = Single(ErrorsOf(yaml, "/tmp/none/s.yaml"), "map.file");

        Assert.Contains("expected a readable grid file at '/tmp/none/nowhere/grid.txt', found no such file", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, "nowhere/grid.txt");
    }

    [Fact]
    public void Home_behind_walls_is_unreachable_from_the_start()
    {
        var yaml = With("#....+...#", "#....#...#")
            .Replace("    home: House:room\n", "    home: House:room\n    position: [7, 2]\n", StringComparison.Ordinal);

        var errors = ErrorsOf(yaml);

        var home = Single(errors, "agents[0].home");
        Assert.Contains("expected a home reachable from the agent's start [7, 2], found 'House:room' cut off", home.Message, StringComparison.Ordinal);
        AssertAt(home, yaml, "House:room\n");
        var place = Single(errors, "agents[0].routine[1].place");
        AssertAt(place, yaml, "\"House:room:bed\"");
    }

    [Fact]
    public void Routine_place_behind_walls_is_unreachable_from_home()
    {
        var yaml = With("#....+...#", "#....#...#");

        var error = Single(ErrorsOf(yaml), "agents[0].routine[0].place");

        Assert.Contains("expected a place reachable from the agent's start [1, 1], found 'Shop:floor' cut off", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, "\"Shop:floor\"");
    }

    [Fact]
    public void Unknown_agent_and_place_in_a_metric_are_reported()
    {
        var yaml = Valid + "\nmetrics:\n  - { kind: attendance, place: Market, from: 2023-02-13 09:00, to: 2023-02-13 10:00, agents: [Ann, Anne, Zed] }\n";

        var errors = ErrorsOf(yaml);

        var place = Single(errors, "metrics[0].place");
        Assert.Contains("unknown place 'Market'", place.Message, StringComparison.Ordinal);
        AssertAt(place, yaml, "Market");
        var anne = Single(errors, "unknown agent 'Anne'");
        Assert.Contains("did you mean 'Ann'?", anne.Message, StringComparison.Ordinal);
        AssertAt(anne, yaml, "Anne");
        AssertAt(Single(errors, "unknown agent 'Zed'"), yaml, "Zed");
    }

    [Fact]
    public void Metric_kinds_check_their_own_keys()
    {
        var yaml = Valid + """

            metrics:
              - { kind: information_diffusion, name: news }
              - { kind: attendence }
              - { kind: relationship_density, fact: nothing }
              - { kind: attendance, name: late, place: Shop, from: 2023-02-13 10:00, to: 2023-02-13 09:00 }
            """;

        var errors = ErrorsOf(yaml);

        AssertAt(Single(errors, "metrics[0]: missing required key 'fact'"), yaml, "{ kind: information_diffusion");
        AssertAt(Single(errors, "metrics[0]: missing required key 'keywords'"), yaml, "{ kind: information_diffusion");
        var kind = Single(errors, "metrics[1].kind");
        Assert.Contains("did you mean 'attendance'?", kind.Message, StringComparison.Ordinal);
        AssertAt(kind, yaml, "attendence");
        AssertAt(Single(errors, "metrics[2].fact: not used by a relationship_density metric"), yaml, "fact: nothing");
        AssertAt(Single(errors, "metrics[3].to: expected a time after from (2023-02-13 10:00), found 2023-02-13 09:00"), yaml, "2023-02-13 09:00 }");
    }

    [Fact]
    public void A_folded_grid_block_is_rejected_because_it_joins_the_rows()
    {
        var yaml = With("grid: |", "grid: >");

        var error = Single(ErrorsOf(yaml), "map.grid");

        Assert.Contains("expected a literal block (grid: |), found a folded block", error.Message, StringComparison.Ordinal);
        AssertAt(error, yaml, ">");
    }

    [Fact]
    public void A_legend_key_of_more_than_one_character_is_reported_at_the_key()
    {
        var yaml = With("'.': floor", "'..': floor");

        var errors = ErrorsOf(yaml);

        var key = Single(errors, "map.legend: expected a single character as key");
        AssertAt(key, yaml, "'..'");
        Assert.Contains(errors, e => e.Message.Contains("unknown tile character '.'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_arena_written_without_its_sector_gets_the_full_address_suggested()
    {
        var yaml = With("place: \"Shop:floor\"", "place: \"floor\"");

        var error = Single(ErrorsOf(yaml), "agents[0].routine[0].place");

        Assert.Contains("unknown place 'floor'", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'Shop:floor'?", error.Message, StringComparison.Ordinal);
    }
}
