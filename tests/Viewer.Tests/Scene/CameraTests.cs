using Agents.Viewer.Scene;
using Agents.World.Scenarios;
using CsCheck;

namespace Agents.Viewer.Tests.Scene;

public sealed class CameraTests
{
    [Fact]
    public void Screen_and_tile_coordinates_convert_back_and_forth()
    {
        Gen.Select(Gen.Float[-50, 150], Gen.Float[-50, 150], Gen.Float[2, 96], Gen.Float[0, 1000], Gen.Float[0, 700])
            .Sample((cx, cy, size, x, y) =>
            {
                var camera = new Camera(cx, cy, size);
                var tile = camera.ScreenToTile(x, y, 1000, 700);
                var back = camera.TileToScreen(tile.X, tile.Y, 1000, 700);
                return Math.Abs(back.X - x) < 0.01f && Math.Abs(back.Y - y) < 0.01f;
            });
    }

    [Fact]
    public void Zooming_keeps_the_tile_under_the_pointer_in_place()
    {
        Gen.Select(Gen.Float[0.3f, 3f], Gen.Float[0, 1000], Gen.Float[0, 700]).Sample((factor, x, y) =>
        {
            var camera = new Camera(40, 30, 12);
            var before = camera.ScreenToTile(x, y, 1000, 700);
            var after = camera.ZoomedAt(factor, x, y, 1000, 700).ScreenToTile(x, y, 1000, 700);
            return Math.Abs(before.X - after.X) < 0.01f && Math.Abs(before.Y - after.Y) < 0.01f;
        });
    }

    [Fact]
    public void Fitting_shows_the_whole_map_left_of_the_panel_and_above_the_timeline()
    {
        var map = ScenarioLoader.Load(RepoPaths.Scenario("smallville.yaml")).Map;
        var camera = Camera.Fit(map, 1280, 800, 380, 28);
        var topLeft = camera.TileToScreen(0, 0, 1280, 800);
        var bottomRight = camera.TileToScreen(map.Width, map.Height, 1280, 800);
        Assert.True(topLeft.X >= -0.5f && topLeft.Y >= -0.5f, $"top left at {topLeft}");
        Assert.True(bottomRight.X <= 900.5f && bottomRight.Y <= 772.5f, $"bottom right at {bottomRight}");
        Assert.Equal(new World.Map.Rect(0, 0, map.Width, map.Height), camera.VisibleTiles(map, 1280, 800));
    }

    [Fact]
    public void The_tile_size_stays_within_its_limits()
    {
        var camera = new Camera(0, 0, 10);
        Assert.Equal(Camera.MaxTileSize, camera.ZoomedAt(1000, 0, 0, 100, 100).TileSize);
        Assert.Equal(Camera.MinTileSize, camera.ZoomedAt(0.0001f, 0, 0, 100, 100).TileSize);
    }
}
