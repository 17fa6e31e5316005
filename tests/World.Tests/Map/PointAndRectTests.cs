using Agents.World.Map;
using CsCheck;

namespace Agents.World.Tests.Map;

public sealed class PointAndRectTests
{
    [Fact]
    public void Manhattan_distance_adds_the_horizontal_and_vertical_gaps()
    {
        Assert.Equal(7, new Point(1, 2).ManhattanTo(new Point(4, -2)));
        Assert.Equal(0, new Point(3, 3).ManhattanTo(new Point(3, 3)));
    }

    [Fact]
    public void Rect_contains_its_corners_but_not_the_tiles_past_its_edges()
    {
        var r = new Rect(2, 3, 4, 2);
        Assert.True(r.Contains(new Point(2, 3)));
        Assert.True(r.Contains(new Point(5, 4)));
        Assert.False(r.Contains(new Point(6, 4)));
        Assert.False(r.Contains(new Point(5, 5)));
        Assert.False(r.Contains(new Point(1, 3)));
    }

    [Fact]
    public void Rect_points_lists_every_tile_row_by_row()
    {
        Point[] points = [.. new Rect(1, 1, 2, 2).Points()];
        Assert.Equal([new(1, 1), new(2, 1), new(1, 2), new(2, 2)], points);
    }

    [Fact]
    public void Rects_that_only_touch_do_not_intersect()
    {
        var a = new Rect(0, 0, 3, 3);
        Assert.False(a.Intersects(new Rect(3, 0, 2, 2)));
        Assert.True(a.Intersects(new Rect(2, 2, 2, 2)));
        Assert.True(a.Contains(new Rect(1, 1, 2, 2)));
        Assert.False(a.Contains(new Rect(1, 1, 3, 2)));
        Assert.False(a.Contains(new Rect(1, 1, 0, 0)));
    }

    [Fact]
    public void Rect_intersection_agrees_with_sharing_a_tile()
    {
        var gen = Gen.Int[-3, 6].Array[8];
        gen.Sample(v =>
        {
            var a = new Rect(v[0], v[1], v[2], v[3]);
            var b = new Rect(v[4], v[5], v[6], v[7]);
            bool shares = a.Points().Any(b.Contains);
            Assert.Equal(shares, a.Intersects(b));
            Assert.Equal(shares, b.Intersects(a));
            bool contains = !b.IsEmpty && b.Points().All(a.Contains);
            Assert.Equal(contains, a.Contains(b));
        }, iter: 2000);
    }
}
