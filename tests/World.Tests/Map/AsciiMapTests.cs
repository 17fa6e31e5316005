using Agents.World.Map;

namespace Agents.World.Tests.Map;

public sealed class AsciiMapTests
{
    [Fact]
    public void Each_character_becomes_the_tile_of_its_legend_entry()
    {
        var errors = new List<AsciiMapError>();
        TileMap map = AsciiMap.Parse(["#.~", ",=#"], TestMaps.Legend, errors).Build();
        Assert.Empty(errors);
        Assert.Equal((3, 2), (map.Width, map.Height));
        Assert.Equal("wall", map.TileAt(new Point(0, 0)).Kind);
        Assert.Equal("water", map.TileAt(new Point(2, 0)).Kind);
        Assert.Equal("grass", map.TileAt(new Point(0, 1)).Kind);
        Assert.True(map.IsWalkable(new Point(1, 1)));
        Assert.False(map.IsWalkable(new Point(2, 1)));
    }

    [Fact]
    public void An_unknown_character_is_reported_at_its_row_and_column()
    {
        var errors = new List<AsciiMapError>();
        AsciiMap.Parse(["#..", "#.X", "..."], TestMaps.Legend, errors);
        AsciiMapError e = Assert.Single(errors);
        Assert.Equal((1, 2), (e.Row, e.Column));
        Assert.Contains("'X'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'#' (wall)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ragged_row_is_reported_where_it_ends_or_overflows()
    {
        var errors = new List<AsciiMapError>();
        AsciiMap.Parse(["....", "..", "....", "......"], TestMaps.Legend, errors);
        Assert.Equal(2, errors.Count);
        Assert.Equal((1, 2), (errors[0].Row, errors[0].Column));
        Assert.Contains("has 2 characters; expected 4", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal((3, 4), (errors[1].Row, errors[1].Column));
    }

    [Fact]
    public void A_space_or_tab_missing_from_the_legend_is_named_readably()
    {
        var errors = new List<AsciiMapError>();
        AsciiMap.Parse([". \t\r"], TestMaps.Legend, errors);
        Assert.Equal(3, errors.Count);
        Assert.Contains("U+0020 (space)", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("(tab)", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("(carriage return)", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_grid_is_reported()
    {
        var errors = new List<AsciiMapError>();
        AsciiMap.Parse([], TestMaps.Legend, errors);
        Assert.Equal((0, 0), (Assert.Single(errors).Row, errors[0].Column));
    }

    [Fact]
    public void Every_bad_character_is_reported_not_only_the_first()
    {
        var errors = new List<AsciiMapError>();
        AsciiMap.Parse(["X..", "..Y", "X.."], TestMaps.Legend, errors);
        Assert.Equal([(0, 0), (1, 2), (2, 0)], errors.Select(e => (e.Row, e.Column)));
    }
}
