using Agents.World.Map;

namespace Agents.World.Tests.Map;

public sealed class TileMapTests
{
    private readonly TileMap _town = TestMaps.Town();

    [Fact]
    public void AddressAt_gives_the_most_specific_place_of_a_tile()
    {
        Assert.Equal(new Address("cafe", "kitchen", "stove"), _town.AddressAt(new Point(2, 2)));
        Assert.Equal(new Address("cafe", "kitchen"), _town.AddressAt(new Point(3, 2)));
        Assert.Equal(new Address("cafe", "dining room"), _town.AddressAt(new Point(8, 3)));
        Assert.Equal(new Address("cafe"), _town.AddressAt(new Point(6, 2)));
        Assert.Equal(new Address("park"), _town.AddressAt(new Point(13, 1)));
        Assert.Null(_town.AddressAt(new Point(3, 5)));
        Assert.Null(_town.AddressAt(new Point(-1, 0)));
    }

    [Fact]
    public void Every_tile_of_an_arena_reports_that_arena()
    {
        Arena kitchen = _town.FindArena(new Address("cafe", "kitchen"))!;
        foreach (Point p in kitchen.Area.Points())
        {
            Assert.Same(kitchen, _town.ArenaAt(p));
            Assert.True(kitchen.Address.Contains(_town.AddressAt(p)!.Value));
        }
    }

    [Fact]
    public void Places_are_found_by_their_addresses()
    {
        Assert.Equal(new Rect(0, 0, 12, 5), _town.FindSector("cafe")!.Area);
        Assert.Equal("set", _town.FindObject(Address.Parse("cafe:dining room:table"))!.InitialState);
        Assert.True(_town.Exists(Address.Parse("cafe:kitchen:fridge")));
        Assert.True(_town.Exists(Address.Parse("park")));
        Assert.False(_town.Exists(Address.Parse("cafe:kitchen:oven")));
        Assert.Null(_town.FindArena(Address.Parse("cafe")));
        Assert.Null(_town.FindObject(Address.Parse("cafe:kitchen")));
        Assert.Equal(["kitchen", "dining room"], _town.FindSector("cafe")!.Arenas.Select(a => a.Name));
    }

    [Fact]
    public void An_object_on_a_blocked_tile_is_reached_from_its_walkable_neighbours()
    {
        // The stove stands on a counter at (2,2); its four neighbours are kitchen floor.
        Assert.False(_town.IsWalkable(new Point(2, 2)));
        Assert.Equal([new(2, 1), new(1, 2), new(3, 2), new(2, 3)], _town.WalkableTilesOf(Address.Parse("cafe:kitchen:stove")));
    }

    [Fact]
    public void An_object_on_a_walkable_tile_is_reached_on_its_own_tile()
    {
        Assert.Equal([new(9, 2)], _town.WalkableTilesOf(Address.Parse("cafe:dining room:table")));
    }

    [Fact]
    public void An_arena_is_reached_on_each_of_its_walkable_tiles()
    {
        IReadOnlyList<Point> tiles = _town.WalkableTilesOf(Address.Parse("cafe:kitchen"));
        Assert.Equal(14, tiles.Count); // 5x3 minus the counter
        Assert.DoesNotContain(new Point(2, 2), tiles);
        Assert.All(tiles, p => Assert.True(_town.IsWalkable(p)));
    }

    [Fact]
    public void An_unknown_place_has_no_walkable_tiles()
    {
        Assert.Empty(_town.WalkableTilesOf(Address.Parse("bakery")));
    }

    [Fact]
    public void Tile_kinds_are_indexed_compactly_for_renderers()
    {
        Assert.Equal("wall", _town.Kinds[_town.KindIndexAt(new Point(0, 0))]);
        Assert.Equal("road", _town.Kinds[_town.KindIndexAt(new Point(4, 5))]);
        Assert.Equal("water", _town.TileAt(new Point(14, 3)).Kind);
        Assert.False(_town.IsWalkable(new Point(14, 3)));
        Assert.Equal(_town.Kinds.Count, _town.Kinds.Distinct().Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => _town.TileAt(new Point(17, 0)));
    }

    [Fact]
    public void Spawns_keep_their_names_and_tiles()
    {
        Assert.Equal([new SpawnPoint("door", new Point(3, 4))], _town.Spawns);
    }
}
