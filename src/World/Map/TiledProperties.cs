using System.Globalization;
using System.Text.Json;

namespace Agents.World.Map;

/// <summary>Reads Tiled's custom properties (<c>"properties": [{"name", "type", "value"}]</c>) as invariant strings.</summary>
internal static class TiledProperties
{
    public static Dictionary<string, string> Read(JsonElement owner)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!owner.TryGetProperty("properties", out JsonElement props) || props.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (JsonElement p in props.EnumerateArray())
        {
            if (p.ValueKind != JsonValueKind.Object
                || !p.TryGetProperty("name", out JsonElement name) || name.ValueKind != JsonValueKind.String
                || !p.TryGetProperty("value", out JsonElement value))
            {
                continue;
            }

            result[name.GetString()!] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Number => value.GetDouble().ToString(CultureInfo.InvariantCulture),
                _ => value.GetRawText(),
            };
        }

        return result;
    }
}
