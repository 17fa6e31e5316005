using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace Agents.World.Map;

/// <summary>One tileset of a Tiled map: its first global tile id and the custom properties of its tiles.</summary>
internal sealed class TiledTileset
{
    private readonly Dictionary<int, Dictionary<string, string>> _properties;

    private TiledTileset(int firstGid, Dictionary<int, Dictionary<string, string>> properties)
    {
        FirstGid = firstGid;
        _properties = properties;
    }

    public int FirstGid { get; }

    /// <summary>The value of a custom property of a tile (by its local id), or null.</summary>
    public string? Property(int localId, string name) =>
        _properties.TryGetValue(localId, out Dictionary<string, string>? props) && props.TryGetValue(name, out string? value) ? value : null;

    /// <summary>Reads an entry of the map's "tilesets" array: embedded, or an external .tsj (JSON) or .tsx (XML) file.</summary>
    public static TiledTileset Read(JsonElement entry, string mapPath, List<string> problems)
    {
        int firstGid = entry.TryGetProperty("firstgid", out JsonElement f) && f.TryGetInt32(out int gid) ? gid : 1;
        if (!entry.TryGetProperty("source", out JsonElement source) || source.ValueKind != JsonValueKind.String)
        {
            return new TiledTileset(firstGid, ReadJsonTiles(entry));
        }

        string file = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(mapPath)) ?? ".", source.GetString()!);
        try
        {
            if (file.EndsWith(".tsx", StringComparison.OrdinalIgnoreCase))
            {
                return new TiledTileset(firstGid, ReadXmlTiles(XDocument.Load(file)));
            }

            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(file));
            return new TiledTileset(firstGid, ReadJsonTiles(doc.RootElement));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or System.Xml.XmlException)
        {
            problems.Add($"tileset '{source.GetString()}' (first gid {firstGid}) cannot be read from '{file}': {e.Message}");
            return new TiledTileset(firstGid, []);
        }
    }

    private static Dictionary<int, Dictionary<string, string>> ReadJsonTiles(JsonElement tileset)
    {
        var result = new Dictionary<int, Dictionary<string, string>>();
        if (!tileset.TryGetProperty("tiles", out JsonElement tiles) || tiles.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (JsonElement tile in tiles.EnumerateArray())
        {
            if (tile.TryGetProperty("id", out JsonElement id) && id.TryGetInt32(out int localId))
            {
                result[localId] = TiledProperties.Read(tile);
            }
        }

        return result;
    }

    private static Dictionary<int, Dictionary<string, string>> ReadXmlTiles(XDocument doc)
    {
        var result = new Dictionary<int, Dictionary<string, string>>();
        foreach (XElement tile in doc.Root?.Elements("tile") ?? [])
        {
            if (!int.TryParse((string?)tile.Attribute("id"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int localId))
            {
                continue;
            }

            var props = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (XElement p in tile.Element("properties")?.Elements("property") ?? [])
            {
                if ((string?)p.Attribute("name") is { } name)
                {
                    props[name] = (string?)p.Attribute("value") ?? p.Value;
                }
            }

            result[localId] = props;
        }

        return result;
    }
}
