using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;

namespace Agents.World.Map;

/// <summary>Decodes the "data" of a Tiled tile layer: a JSON array, or base64 (uncompressed, zlib or gzip).</summary>
internal static class TiledTileData
{
    public static uint[]? Read(JsonElement layer, string where, List<string> problems)
    {
        if (!layer.TryGetProperty("data", out JsonElement data))
        {
            problems.Add($"{where}: expected tile 'data', found none");
            return null;
        }

        if (data.ValueKind == JsonValueKind.Array)
        {
            var gids = new uint[data.GetArrayLength()];
            int i = 0;
            foreach (JsonElement gid in data.EnumerateArray())
            {
                if (!gid.TryGetUInt32(out gids[i]))
                {
                    problems.Add($"{where}: tile {i} (column {i % Math.Max(1, Width(layer))}, row {i / Math.Max(1, Width(layer))}) is {gid.GetRawText()}; expected a tile id");
                    return null;
                }

                i++;
            }

            return gids;
        }

        if (data.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{where}: expected 'data' as an array or a base64 string, found {data.ValueKind}");
            return null;
        }

        string compression = layer.TryGetProperty("compression", out JsonElement c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : string.Empty;
        try
        {
            byte[] bytes = Decompress(Convert.FromBase64String(data.GetString()!), compression);
            if (bytes.Length % 4 != 0)
            {
                problems.Add($"{where}: the decoded data has {bytes.Length} bytes; expected a multiple of 4");
                return null;
            }

            var gids = new uint[bytes.Length / 4];
            for (int i = 0; i < gids.Length; i++)
            {
                gids[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4, 4));
            }

            return gids;
        }
        catch (FormatException e)
        {
            problems.Add($"{where}: 'data' is not valid base64: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            problems.Add($"{where}: 'data' cannot be decompressed as {compression}: {e.Message}");
        }
        catch (NotSupportedException e)
        {
            problems.Add($"{where}: {e.Message}");
        }

        return null;
    }

    private static int Width(JsonElement layer) =>
        layer.TryGetProperty("width", out JsonElement w) && w.TryGetInt32(out int n) ? n : 0;

    private static byte[] Decompress(byte[] bytes, string compression)
    {
        if (compression.Length == 0)
        {
            return bytes;
        }

        using var input = new MemoryStream(bytes);
        using Stream decoder = compression switch
        {
            "zlib" => new ZLibStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            _ => throw new NotSupportedException($"compression '{compression}' is not supported; expected none, zlib or gzip (Tiled: Tile Layer Format)"),
        };
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
