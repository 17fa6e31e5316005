using Agents.World.Map;

namespace Agents.World.Tests.Map;

public sealed class MapBuilderTests
{
    private static MapException BuildFails(MapBuilder b) => Assert.Throws<MapException>(b.Build);

    [Fact]
    public void A_new_builder_is_all_walkable_floor()
    {
        TileMap map = new MapBuilder(3, 2).Build();
        Assert.Equal(3, map.Width);
        Assert.Equal(2, map.Height);
        Assert.All(new Rect(0, 0, 3, 2).Points(), p => Assert.Equal(TileLegend.Floor, map.TileAt(p)));
        Assert.Equal(["floor"], map.Kinds);
    }

    [Fact]
    public void An_arena_naming_an_unknown_sector_is_reported_with_both_names()
    {
        var b = new MapBuilder(10, 10);
        b.AddSector("cafe", new Rect(0, 0, 5, 5));
        b.AddArena("bar", "counter", new Rect(1, 1, 2, 2));
        MapException e = BuildFails(b);
        Assert.Contains("'bar:counter'", e.Message, StringComparison.Ordinal);
        Assert.Contains("unknown sector 'bar'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_arena_reaching_outside_its_sector_is_reported()
    {
        var b = new MapBuilder(10, 10);
        b.AddSector("cafe", new Rect(0, 0, 5, 5));
        b.AddArena("cafe", "kitchen", new Rect(3, 3, 3, 3));
        Assert.Contains("lies outside its sector 'cafe'", BuildFails(b).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_sectors_and_arenas_are_reported()
    {
        var b = new MapBuilder(20, 10);
        b.AddSector("cafe", new Rect(0, 0, 6, 6));
        b.AddSector("bar", new Rect(5, 5, 4, 4));
        b.AddArena("cafe", "kitchen", new Rect(0, 0, 3, 3));
        b.AddArena("cafe", "hall", new Rect(2, 2, 3, 3));
        MapException e = BuildFails(b);
        Assert.Equal(2, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.Contains("sector 'bar'", StringComparison.Ordinal) && p.Contains("overlaps sector 'cafe'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("'cafe:hall'", StringComparison.Ordinal) && p.Contains("overlaps arena 'cafe:kitchen'", StringComparison.Ordinal));
    }

    [Fact]
    public void Arenas_of_different_sectors_may_use_the_same_name()
    {
        var b = new MapBuilder(20, 10);
        b.AddSector("house A", new Rect(0, 0, 5, 5));
        b.AddSector("house B", new Rect(5, 0, 5, 5));
        b.AddArena("house A", "bedroom", new Rect(0, 0, 2, 2));
        b.AddArena("house B", "bedroom", new Rect(5, 0, 2, 2));
        TileMap map = b.Build();
        Assert.NotNull(map.FindArena(new Address("house B", "bedroom")));
    }

    [Fact]
    public void An_object_outside_its_arena_and_one_on_an_occupied_tile_are_reported()
    {
        var b = new MapBuilder(10, 10);
        b.AddSector("cafe", new Rect(0, 0, 8, 8));
        b.AddArena("cafe", "kitchen", new Rect(0, 0, 4, 4));
        b.AddObject("cafe", "kitchen", "stove", new Point(5, 5));
        b.AddObject("cafe", "kitchen", "sink", new Point(1, 1));
        b.AddObject("cafe", "kitchen", "bin", new Point(1, 1));
        b.AddObject("cafe", "cellar", "barrel", new Point(1, 2));
        MapException e = BuildFails(b);
        Assert.Contains(e.Problems, p => p.Contains("'cafe:kitchen:stove' at (5,5) lies outside its arena", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("'cafe:kitchen:bin' at (1,1) overlaps object 'cafe:kitchen:sink'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("unknown arena 'cafe:cellar'", StringComparison.Ordinal));
        Assert.Equal(3, e.Problems.Count);
    }

    [Fact]
    public void Places_and_spawns_off_the_map_are_reported()
    {
        var b = new MapBuilder(10, 10) { Source = "town.yaml" };
        b.AddSector("far", new Rect(8, 8, 5, 5));
        b.AddSpawn("nowhere", new Point(10, 0));
        MapException e = BuildFails(b);
        Assert.StartsWith("Map 'town.yaml'", e.Message, StringComparison.Ordinal);
        Assert.Contains(e.Problems, p => p.Contains("sector 'far' at (8,8 5x5) lies off the 10x10 map", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Contains("spawn point 'nowhere' at (10,0) lies off", StringComparison.Ordinal));
    }

    [Fact]
    public void A_spawn_on_a_wall_is_reported()
    {
        var b = new MapBuilder(4, 4);
        b.SetTile(new Point(1, 1), TileLegend.Wall);
        b.AddSpawn("start", new Point(1, 1));
        Assert.Contains("blocked tile ('wall')", BuildFails(b).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a:b")]
    [InlineData(" cafe")]
    public void Names_that_cannot_be_part_of_an_address_are_reported(string name)
    {
        var b = new MapBuilder(4, 4);
        b.AddSector(name, new Rect(0, 0, 2, 2));
        Assert.Single(BuildFails(b).Problems);
    }

    [Fact]
    public void Duplicate_names_are_reported()
    {
        var b = new MapBuilder(10, 10);
        b.AddSector("cafe", new Rect(0, 0, 2, 2));
        b.AddSector("cafe", new Rect(4, 4, 2, 2));
        b.AddSpawn("s", new Point(3, 3));
        b.AddSpawn("s", new Point(3, 4));
        MapException e = BuildFails(b);
        Assert.Contains(e.Problems, p => p == "sector 'cafe' is defined twice");
        Assert.Contains(e.Problems, p => p == "spawn point 's' is defined twice");
    }

    [Fact]
    public void Setting_a_tile_off_the_map_throws_at_once()
    {
        var b = new MapBuilder(4, 4);
        Assert.Throws<MapException>(() => b.SetTile(new Point(4, 0), TileLegend.Wall));
        Assert.Throws<MapException>(() => new MapBuilder(0, 3));
    }

    [Fact]
    public void Validate_lists_the_problems_without_throwing()
    {
        var b = new MapBuilder(4, 4);
        Assert.Empty(b.Validate());
        b.AddArena("x", "y", new Rect(0, 0, 1, 1));
        Assert.Single(b.Validate());
    }
}
