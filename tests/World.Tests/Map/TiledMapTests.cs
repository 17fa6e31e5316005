using System.IO.Compression;
using System.Text.Json.Nodes;
using Agents.World.Map;

namespace Agents.World.Tests.Map;

public sealed class TiledMapTests : IDisposable
{
    private const int T = 16; // pixels per tile

    private readonly string _folder = Directory.CreateTempSubdirectory("tiled-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>An 8x6 map: walls on the border (collision gid 1), grass (ground gid 2) in the right half.</summary>
    private static JsonObject SmallMap()
    {
        const int w = 8, h = 6;
        var collision = new JsonArray();
        var ground = new JsonArray();
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                collision.Add(x == 0 || y == 0 || x == w - 1 || y == h - 1 ? 1 : 0);
                ground.Add(x >= 4 ? 2 : 1);
            }
        }

        return new JsonObject
        {
            ["width"] = w, ["height"] = h, ["tilewidth"] = T, ["tileheight"] = T,
            ["orientation"] = "orthogonal", ["infinite"] = false,
            ["tilesets"] = new JsonArray(new JsonObject
            {
                ["firstgid"] = 1, ["name"] = "town",
                ["tiles"] = new JsonArray(
                    new JsonObject { ["id"] = 0, ["properties"] = Props(("kind", "floor")) },
                    new JsonObject { ["id"] = 1, ["properties"] = Props(("kind", "grass")) }),
            }),
            ["layers"] = new JsonArray(
                new JsonObject { ["type"] = "tilelayer", ["name"] = "ground", ["width"] = w, ["height"] = h, ["data"] = ground },
                new JsonObject { ["type"] = "tilelayer", ["name"] = "Collision", ["width"] = w, ["height"] = h, ["data"] = collision },
                ObjectLayer("sectors", RectObject(1, "house", 0, 0, 4, 6)),
                ObjectLayer("arenas",
                    RectObject(2, "bedroom", 1, 1, 3, 2, ("sector", "house")),
                    RectObject(3, "kitchen", 1, 3, 3, 2)),
                ObjectLayer("objects",
                    PointObject(4, "bed", 1.5, 1.5, ("state", "made")),
                    RectObject(5, "stove", 2, 4, 1, 1)),
                ObjectLayer("spawns", PointObject(6, "start", 5.2, 2.7))),
        };
    }

    private static JsonArray Props(params (string Name, string Value)[] props) =>
        [.. props.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["type"] = "string", ["value"] = p.Value })];

    private static JsonObject ObjectLayer(string name, params JsonObject[] objects) =>
        new() { ["type"] = "objectgroup", ["name"] = name, ["objects"] = new JsonArray([.. objects]) };

    private static JsonObject RectObject(int id, string name, int x, int y, int w, int h, params (string, string)[] props) =>
        new() { ["id"] = id, ["name"] = name, ["x"] = x * T, ["y"] = y * T, ["width"] = w * T, ["height"] = h * T, ["properties"] = Props(props) };

    private static JsonObject PointObject(int id, string name, double x, double y, params (string, string)[] props) =>
        new() { ["id"] = id, ["name"] = name, ["x"] = x * T, ["y"] = y * T, ["width"] = 0, ["height"] = 0, ["point"] = true, ["properties"] = Props(props) };

    private static JsonObject Layer(JsonObject map, string name) =>
        map["layers"]!.AsArray().Select(l => l!.AsObject()).First(l => (string?)l["name"] == name);

    private string Write(JsonObject map, string name = "town.tmj")
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, map.ToJsonString());
        return path;
    }

    [Fact]
    public void Collision_ground_places_and_spawns_are_read_from_their_layers()
    {
        TileMap map = TiledMap.Load(Write(SmallMap()));
        Assert.Equal((8, 6), (map.Width, map.Height));
        Assert.False(map.IsWalkable(new Point(0, 0)));
        Assert.Equal("floor", map.TileAt(new Point(0, 0)).Kind); // blocked, but the ground names its kind
        Assert.True(map.IsWalkable(new Point(5, 3)));
        Assert.Equal("grass", map.TileAt(new Point(5, 3)).Kind);
        Assert.Equal(new Rect(0, 0, 4, 6), map.FindSector("house")!.Area);
        Assert.Equal(new Rect(1, 3, 3, 2), map.FindArena(Address.Parse("house:kitchen"))!.Area); // by containment
        PlacedObject bed = map.FindObject(Address.Parse("house:bedroom:bed"))!;
        Assert.Equal((new Point(1, 1), "made"), (bed.Position, bed.InitialState));
        PlacedObject stove = map.FindObject(Address.Parse("house:kitchen:stove"))!;
        Assert.Equal((new Point(2, 4), "idle"), (stove.Position, stove.InitialState));
        Assert.Equal([new SpawnPoint("start", new Point(5, 2))], map.Spawns);
    }

    [Fact]
    public void Blocked_tiles_without_a_ground_layer_are_walls_and_open_ones_floor()
    {
        JsonObject json = SmallMap();
        json["layers"]!.AsArray().Remove(Layer(json, "ground"));
        TileMap map = TiledMap.Load(Write(json));
        Assert.Equal(TileLegend.Wall, map.TileAt(new Point(7, 5)));
        Assert.Equal(TileLegend.Floor, map.TileAt(new Point(5, 3)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("zlib")]
    [InlineData("gzip")]
    public void Base64_tile_data_reads_like_the_plain_array(string compression)
    {
        JsonObject json = SmallMap();
        JsonObject collision = Layer(json, "Collision");
        uint[] gids = [.. collision["data"]!.AsArray().Select(n => (uint)(int)n!)];
        byte[] raw = gids.SelectMany(BitConverter.GetBytes).ToArray();
        using var packed = new MemoryStream();
        using (Stream encoder = compression switch
        {
            "zlib" => new ZLibStream(packed, CompressionLevel.Fastest, leaveOpen: true),
            "gzip" => new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true),
            _ => new MemoryStream(),
        })
        {
            (compression.Length == 0 ? packed : encoder).Write(raw);
        }

        collision["data"] = Convert.ToBase64String(packed.ToArray());
        collision["encoding"] = "base64";
        collision["compression"] = compression;
        TileMap expected = TiledMap.Load(Write(SmallMap(), "plain.tmj"));
        TileMap actual = TiledMap.Load(Write(json));
        Assert.All(new Rect(0, 0, 8, 6).Points(), p => Assert.Equal(expected.IsWalkable(p), actual.IsWalkable(p)));
    }

    [Fact]
    public void Flipped_tiles_still_count_by_their_tile_id()
    {
        JsonObject json = SmallMap();
        JsonArray ground = Layer(json, "ground")["data"]!.AsArray();
        ground[(3 * 8) + 5] = 0x80000002u; // grass, flipped horizontally
        Assert.Equal("grass", TiledMap.Load(Write(json)).TileAt(new Point(5, 3)).Kind);
    }

    [Fact]
    public void Layers_inside_groups_are_found()
    {
        JsonObject json = SmallMap();
        JsonObject sectors = Layer(json, "sectors");
        json["layers"]!.AsArray().Remove(sectors);
        json["layers"]!.AsArray().Add(new JsonObject { ["type"] = "group", ["name"] = "places", ["layers"] = new JsonArray(sectors) });
        Assert.NotNull(TiledMap.Load(Write(json)).FindSector("house"));
    }

    [Fact]
    public void An_external_json_tileset_gives_the_tile_kinds()
    {
        JsonObject json = SmallMap();
        JsonObject tileset = json["tilesets"]![0]!.AsObject();
        json["tilesets"] = new JsonArray(new JsonObject { ["firstgid"] = 1, ["source"] = "town.tsj" });
        tileset.Remove("firstgid");
        File.WriteAllText(Path.Combine(_folder, "town.tsj"), tileset.ToJsonString());
        Assert.Equal("grass", TiledMap.Load(Write(json)).TileAt(new Point(5, 3)).Kind);
    }

    [Fact]
    public void An_external_xml_tileset_gives_the_tile_kinds()
    {
        JsonObject json = SmallMap();
        json["tilesets"] = new JsonArray(new JsonObject { ["firstgid"] = 1, ["source"] = "town.tsx" });
        File.WriteAllText(Path.Combine(_folder, "town.tsx"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <tileset version="1.10" name="town" tilewidth="16" tileheight="16" tilecount="2" columns="2">
             <tile id="1"><properties><property name="kind" value="sand"/></properties></tile>
            </tileset>
            """);
        Assert.Equal("sand", TiledMap.Load(Write(json)).TileAt(new Point(5, 3)).Kind);
    }

    [Fact]
    public void A_missing_tileset_file_is_reported_with_its_name()
    {
        JsonObject json = SmallMap();
        json["tilesets"] = new JsonArray(new JsonObject { ["firstgid"] = 1, ["source"] = "gone.tsj" });
        MapException e = Assert.Throws<MapException>(() => TiledMap.Load(Write(json)));
        Assert.Contains("tileset 'gone.tsj'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_arena_in_no_sector_is_reported_with_file_layer_and_object()
    {
        JsonObject json = SmallMap();
        Layer(json, "arenas")["objects"]!.AsArray().Add(RectObject(9, "shed", 5, 1, 2, 2));
        string path = Write(json);
        MapException e = Assert.Throws<MapException>(() => TiledMap.Load(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("layer 'arenas', object 9 'shed'", e.Message, StringComparison.Ordinal);
        Assert.Contains("lies in no sector", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_in_no_arena_and_an_unnamed_spawn_are_both_reported()
    {
        JsonObject json = SmallMap();
        Layer(json, "objects")["objects"]!.AsArray().Add(PointObject(10, "bench", 6, 4));
        Layer(json, "spawns")["objects"]!.AsArray().Add(PointObject(11, "", 5, 4));
        MapException e = Assert.Throws<MapException>(() => TiledMap.Load(Write(json)));
        Assert.Equal(2, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.StartsWith("layer 'objects', object 10 'bench': its tile (6,4) lies in no arena", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("layer 'spawns', object 11: has no name", StringComparison.Ordinal));
    }

    [Fact]
    public void An_arena_naming_a_sector_that_does_not_exist_is_reported()
    {
        JsonObject json = SmallMap();
        Layer(json, "arenas")["objects"]![0]!["properties"] = Props(("sector", "castle"));
        MapException e = Assert.Throws<MapException>(() => TiledMap.Load(Write(json)));
        Assert.Contains("object 2 'bedroom': its 'sector' property names 'castle'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tile_layer_of_another_size_is_reported()
    {
        JsonObject json = SmallMap();
        Layer(json, "Collision")["width"] = 7;
        MapException e = Assert.Throws<MapException>(() => TiledMap.Load(Write(json)));
        Assert.Contains("layer 'collision' is 7x6 tiles; expected the map's size 8x6", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_reported_with_file_and_line()
    {
        string path = Path.Combine(_folder, "broken.tmj");
        File.WriteAllText(path, "{\n  \"width\": 8,\n  \"height\": ]\n}");
        MapException e = Assert.Throws<MapException>(() => TiledMap.Load(path));
        Assert.Contains($"'{path}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_reported_with_its_path()
    {
        string path = Path.Combine(_folder, "nowhere.tmj");
        MapException e = Assert.Throws<MapException>(() => TiledMap.Load(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Infinite_maps_are_refused_with_a_hint()
    {
        JsonObject json = SmallMap();
        json["infinite"] = true;
        MapException e = Assert.Throws<MapException>(() => TiledMap.Load(Write(json)));
        Assert.Contains("infinite maps are not supported", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_map_without_collision_or_ground_layer_is_refused()
    {
        JsonObject json = SmallMap();
        json["layers"]!.AsArray().Remove(Layer(json, "ground"));
        json["layers"]!.AsArray().Remove(Layer(json, "Collision"));
        MapException e = Assert.Throws<MapException>(() => TiledMap.Load(Write(json)));
        Assert.Contains("expected a tile layer named 'collision'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Structural_errors_found_after_reading_name_the_file()
    {
        JsonObject json = SmallMap();
        Layer(json, "spawns")["objects"]!.AsArray().Add(PointObject(12, "inwall", 0.5, 0.5));
        string path = Write(json);
        MapException e = Assert.Throws<MapException>(() => TiledMap.Load(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("spawn point 'inwall' (layer 'spawns', object 12) at (0,0) is on a blocked tile", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_arena_outside_the_sector_its_property_names_is_reported_with_its_layer_and_object()
    {
        JsonObject json = SmallMap();
        Layer(json, "arenas")["objects"]!.AsArray().Add(RectObject(13, "porch", 4, 1, 2, 2, ("sector", "house")));
        MapException e = Assert.Throws<MapException>(() => TiledMap.Load(Write(json)));
        Assert.Contains("arena 'house:porch' (layer 'arenas', object 13) at (4,1 2x2) lies outside its sector 'house'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tile_object_is_placed_by_its_bottom_left_anchor()
    {
        JsonObject json = SmallMap();
        JsonObject stove = Layer(json, "objects")["objects"]![1]!.AsObject();
        stove["gid"] = 1;
        stove["y"] = 5 * T; // Tiled stores a tile object's bottom edge: this one covers row 4
        Assert.Equal(new Point(2, 4), TiledMap.Load(Write(json)).FindObject(Address.Parse("house:kitchen:stove"))!.Position);
    }
}
