using System.Text.Json;

namespace Agents.World.Map;

/// <summary>
/// Loads maps saved by the Tiled editor as JSON (<c>.tmj</c>, orthogonal, finite). Layers, matched by name
/// ignoring case, also inside group layers: tile layer <c>collision</c> (a nonzero tile blocks), optional tile layer
/// <c>ground</c> (a tile's kind is its tileset property <c>kind</c>, else "floor"; blocked tiles without one are
/// "wall"), object layers <c>sectors</c> and <c>arenas</c> (rectangles; an arena names its sector with the property
/// <c>sector</c>, else lies inside one), <c>objects</c> (points or rectangles with an optional property
/// <c>state</c>, placed in the arena that contains them) and <c>spawns</c> (points). Names come from the objects' names.
/// </summary>
public static class TiledMap
{
    private const uint FlipFlags = 0xF0000000;

    /// <summary>Loads and checks a map.</summary>
    /// <exception cref="MapException">The file is missing or malformed, or the map is invalid; the message names the file, the layer and the object.</exception>
    public static TileMap Load(string path) => Read(path).Build();

    /// <summary>Loads a map into a builder, so that a caller can add further places or spawns before building.</summary>
    /// <exception cref="MapException">The file is missing or malformed; the message names the file, the layer and the object.</exception>
    public static MapBuilder Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MapException($"Map '{path}' cannot be read: {e.Message}", e);
        }

        return Parse(json, path);
    }

    /// <summary>Reads a map from Tiled JSON text; <paramref name="source"/> names it in messages and anchors external tilesets.</summary>
    /// <exception cref="MapException">The text is malformed or describes an unsupported map.</exception>
    public static MapBuilder Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new MapException($"Map '{source}' is not valid JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {e.Message}", e);
        }

        using (doc)
        {
            var problems = new List<string>();
            MapBuilder? builder = Read(doc.RootElement, source, problems);
            if (problems.Count > 0 || builder is null)
            {
                throw new MapException(source, problems);
            }

            return builder;
        }
    }

    private static MapBuilder? Read(JsonElement root, string source, List<string> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"expected a JSON object at the top, found {root.ValueKind}");
            return null;
        }

        if (root.TryGetProperty("infinite", out JsonElement inf) && inf.ValueKind == JsonValueKind.True)
        {
            problems.Add("infinite maps are not supported; expected a finite map (Map > Map Properties > Infinite off)");
            return null;
        }

        if (root.TryGetProperty("orientation", out JsonElement o) && o.GetString() is { } orientation && orientation != "orthogonal")
        {
            problems.Add($"expected an orthogonal map, found orientation '{orientation}'");
            return null;
        }

        int width = Int(root, "width", "the map", problems);
        int height = Int(root, "height", "the map", problems);
        int tileWidth = Int(root, "tilewidth", "the map", problems);
        int tileHeight = Int(root, "tileheight", "the map", problems);
        if (problems.Count > 0)
        {
            return null;
        }

        var tilesets = new List<TiledTileset>();
        if (root.TryGetProperty("tilesets", out JsonElement ts) && ts.ValueKind == JsonValueKind.Array)
        {
            tilesets.AddRange(ts.EnumerateArray().Select(t => TiledTileset.Read(t, source, problems)));
            tilesets.Sort((a, b) => a.FirstGid.CompareTo(b.FirstGid));
        }

        var layers = new List<JsonElement>();
        if (root.TryGetProperty("layers", out JsonElement ls) && ls.ValueKind == JsonValueKind.Array)
        {
            Flatten(ls, layers);
        }

        var builder = new MapBuilder(width, height) { Source = source };
        uint[]? collision = TileLayer(layers, "collision", width, height, problems);
        uint[]? ground = TileLayer(layers, "ground", width, height, problems);
        if (collision is null && ground is null && problems.Count == 0)
        {
            problems.Add("expected a tile layer named 'collision' (and optionally 'ground'), found neither");
        }

        SetTiles(builder, collision, ground, tilesets);
        double tw = tileWidth, th = tileHeight;
        List<TiledObject> sectors = Objects(layers, "sectors", tw, th, problems);
        List<TiledObject> arenas = Objects(layers, "arenas", tw, th, problems);
        List<TiledObject> objects = Objects(layers, "objects", tw, th, problems);
        List<TiledObject> spawns = Objects(layers, "spawns", tw, th, problems);
        TiledPlaces.Add(builder, sectors, arenas, objects, spawns, problems);
        return builder;
    }

    private static void SetTiles(MapBuilder builder, uint[]? collision, uint[]? ground, List<TiledTileset> tilesets)
    {
        var legends = new Dictionary<(string, bool), TileLegend>();
        for (int y = 0; y < builder.Height; y++)
        {
            for (int x = 0; x < builder.Width; x++)
            {
                int i = (y * builder.Width) + x;
                uint groundGid = ground?[i] ?? 0;
                string? kind = groundGid == 0 ? null : TileProperty(tilesets, groundGid, "kind");
                bool walkable = collision is not null
                    ? collision[i] == 0
                    : !string.Equals(groundGid == 0 ? null : TileProperty(tilesets, groundGid, "walkable"), "false", StringComparison.OrdinalIgnoreCase);
                kind ??= walkable ? "floor" : "wall";
                if (!legends.TryGetValue((kind, walkable), out TileLegend? legend))
                {
                    legend = new TileLegend(kind, walkable);
                    legends.Add((kind, walkable), legend);
                }

                builder.SetTile(new Point(x, y), legend);
            }
        }
    }

    private static string? TileProperty(List<TiledTileset> tilesets, uint gid, string name)
    {
        int id = (int)(gid & ~FlipFlags);
        for (int t = tilesets.Count - 1; t >= 0; t--)
        {
            if (tilesets[t].FirstGid <= id)
            {
                return tilesets[t].Property(id - tilesets[t].FirstGid, name);
            }
        }

        return null;
    }

    private static void Flatten(JsonElement layers, List<JsonElement> into)
    {
        foreach (JsonElement layer in layers.EnumerateArray())
        {
            if (layer.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            into.Add(layer);
            if (Text(layer, "type") == "group" && layer.TryGetProperty("layers", out JsonElement inner) && inner.ValueKind == JsonValueKind.Array)
            {
                Flatten(inner, into);
            }
        }
    }

    private static JsonElement? Layer(List<JsonElement> layers, string name, string type, List<string> problems)
    {
        JsonElement? found = null;
        foreach (JsonElement layer in layers)
        {
            if (!string.Equals(Text(layer, "name"), name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (Text(layer, "type") != type)
            {
                problems.Add($"layer '{name}': expected a {type} layer, found a {Text(layer, "type") ?? "layer without a type"}");
                return null;
            }

            if (found is not null)
            {
                problems.Add($"layer '{name}' appears twice; expected one layer of that name");
                return null;
            }

            found = layer;
        }

        return found;
    }

    private static uint[]? TileLayer(List<JsonElement> layers, string name, int width, int height, List<string> problems)
    {
        if (Layer(layers, name, "tilelayer", problems) is not { } layer)
        {
            return null;
        }

        string where = $"layer '{name}'";
        if (layer.TryGetProperty("chunks", out _))
        {
            problems.Add($"{where} is stored in chunks (an infinite map); expected a finite map");
            return null;
        }

        int w = Int(layer, "width", where, problems), h = Int(layer, "height", where, problems);
        if (w != width || h != height)
        {
            problems.Add($"{where} is {w}x{h} tiles; expected the map's size {width}x{height}");
            return null;
        }

        uint[]? data = TiledTileData.Read(layer, where, problems);
        if (data is not null && data.Length != width * height)
        {
            problems.Add($"{where} has {data.Length} tiles; expected {width}x{height} = {width * height}");
            return null;
        }

        return data;
    }

    private static List<TiledObject> Objects(List<JsonElement> layers, string name, double tw, double th, List<string> problems)
    {
        var result = new List<TiledObject>();
        if (Layer(layers, name, "objectgroup", problems) is not { } layer
            || !layer.TryGetProperty("objects", out JsonElement objects) || objects.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (JsonElement o in objects.EnumerateArray())
        {
            int id = o.TryGetProperty("id", out JsonElement idElement) && idElement.TryGetInt32(out int n) ? n : 0;
            string objectName = Text(o, "name") ?? string.Empty;
            double x = Number(o, "x"), y = Number(o, "y"), w = Number(o, "width"), h = Number(o, "height");
            bool isPoint = o.TryGetProperty("point", out JsonElement p) && p.ValueKind == JsonValueKind.True;
            if (o.TryGetProperty("gid", out _))
            {
                y -= h; // a tile object is anchored at its bottom-left corner
            }

            Rect area;
            if (isPoint || (w == 0 && h == 0))
            {
                isPoint = true;
                area = new Rect((int)Math.Floor(x / tw), (int)Math.Floor(y / th), 1, 1);
            }
            else
            {
                int left = (int)Math.Round(x / tw), top = (int)Math.Round(y / th);
                area = new Rect(left, top, (int)Math.Round((x + w) / tw) - left, (int)Math.Round((y + h) / th) - top);
            }

            var obj = new TiledObject(name, id, objectName, isPoint, area, TiledProperties.Read(o));
            if (area.IsEmpty)
            {
                problems.Add($"{obj.Where}: its rectangle ({x},{y} {w}x{h} pixels) covers no whole tile of {tw}x{th} pixels");
                continue;
            }

            result.Add(obj);
        }

        return result;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;

    private static int Int(JsonElement e, string name, string where, List<string> problems)
    {
        if (e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int n) && n > 0)
        {
            return n;
        }

        problems.Add($"{where}: expected a positive whole number '{name}', found {(e.TryGetProperty(name, out v) ? v.GetRawText() : "none")}");
        return 0;
    }
}
