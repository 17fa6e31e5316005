using Agents.Runtime.Native;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Agents.Runtime.Model;
using static TorchSharp.torch;

namespace Agents.Runtime.Checkpoints;

/// <summary>
/// Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header mapping each
/// tensor name to its dtype, shape and data_offsets (plus an optional "__metadata__" map of strings), then the raw
/// little-endian bytes. Call on the model thread (it creates tensors).
/// </summary>
public static class SafeTensors
{
    private const long MaxHeaderBytes = 100L * 1024 * 1024;

    /// <summary>Writes <paramref name="tensors"/> (sorted by name) to <paramref name="path"/> as <paramref name="type"/>, atomically.</summary>
    public static void Write(string path, IEnumerable<(string Name, Tensor Tensor)> tensors, SafeTensorsType type = SafeTensorsType.F32, IReadOnlyDictionary<string, string>? metadata = null)
    {
        TorchNative.EnsureLoaded();
        var entries = tensors.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => (t.Name, Bytes: ToBytes(t.Tensor, type), Shape: t.Tensor.shape)).ToList();
        using var header = new MemoryStream();
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject("__metadata__");
                foreach (var (key, value) in metadata)
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
            }

            long offset = 0;
            foreach (var (name, bytes, shape) in entries)
            {
                json.WriteStartObject(name);
                json.WriteString("dtype", type.ToString());
                json.WriteStartArray("shape");
                foreach (var size in shape)
                {
                    json.WriteNumberValue(size);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + bytes.Length);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += bytes.Length;
            }

            json.WriteEndObject();
        }

        // The data starts on an 8-byte boundary: pad the header with spaces, as the reference writer does.
        while (header.Length % 8 != 0)
        {
            header.WriteByte((byte)' ');
        }

        var temp = path + ".tmp";
        using (var file = File.Create(temp))
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
            file.Write(length);
            header.Position = 0;
            header.CopyTo(file);
            foreach (var entry in entries)
            {
                file.Write(entry.Bytes);
            }
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads every tensor of the file, in its stored element type.</summary>
    /// <exception cref="ModelFormatException">The file is truncated, its header is not valid safetensors, or a dtype is not F32, BF16 or F64.</exception>
    public static Dictionary<string, Tensor> Read(string path)
    {
        TorchNative.EnsureLoaded();
        if (!File.Exists(path))
        {
            throw new ModelFormatException($"{path}: expected a safetensors file, found no file.");
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8)
        {
            throw new ModelFormatException($"{path}: expected at least the 8-byte header length, found a file of {bytes.Length} bytes.");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > MaxHeaderBytes || (long)headerLength > bytes.Length - 8)
        {
            throw new ModelFormatException($"{path}: the header length field says {headerLength} bytes, but the file holds {bytes.Length - 8} bytes after it (corrupt or truncated file).");
        }

        var dataStart = 8 + (int)headerLength;
        var dataLength = bytes.Length - dataStart;
        JsonDocument header;
        try
        {
            header = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        }
        catch (JsonException ex)
        {
            throw new ModelFormatException($"{path}: expected a JSON header, found invalid JSON: {ex.Message}", ex);
        }

        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        using (header)
        {
            if (header.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ModelFormatException($"{path}: expected the header to be a JSON object, found {header.RootElement.ValueKind}.");
            }

            foreach (var entry in header.RootElement.EnumerateObject())
            {
                if (entry.Name == "__metadata__")
                {
                    continue;
                }

                var (type, shape, begin, end) = ParseEntry(path, entry);
                if (begin > end || end > dataLength)
                {
                    throw new ModelFormatException($"{path}: tensor \"{entry.Name}\" has data_offsets [{begin}, {end}] outside the {dataLength} data bytes (truncated file?).");
                }

                var expected = shape.Aggregate(1L, (a, b) => a * b) * ElementSize(type);
                if (end - begin != expected)
                {
                    throw new ModelFormatException($"{path}: tensor \"{entry.Name}\" of shape [{string.Join(", ", shape)}] and dtype {type} needs {expected} bytes, but its data_offsets span {end - begin}.");
                }

                result[entry.Name] = FromBytes(bytes.AsSpan(dataStart + (int)begin, (int)(end - begin)), type, shape);
            }
        }

        return result;
    }

    /// <summary>Reads only the "__metadata__" map of the file (empty when it has none).</summary>
    public static IReadOnlyDictionary<string, string> ReadMetadata(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> length = stackalloc byte[8];
        file.ReadExactly(length);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(length);
        if (headerLength > MaxHeaderBytes || (long)headerLength > file.Length - 8)
        {
            throw new ModelFormatException($"{path}: the header length field says {headerLength} bytes, but the file is shorter.");
        }

        var header = new byte[headerLength];
        file.ReadExactly(header);
        using var json = JsonDocument.Parse(header);
        return json.RootElement.TryGetProperty("__metadata__", out var metadata)
            ? metadata.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty)
            : new Dictionary<string, string>();
    }

    private static (SafeTensorsType Type, long[] Shape, long Begin, long End) ParseEntry(string path, JsonProperty entry)
    {
        var value = entry.Value;
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("dtype", out var dtype)
            || !value.TryGetProperty("shape", out var shape) || shape.ValueKind != JsonValueKind.Array
            || !value.TryGetProperty("data_offsets", out var offsets) || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2)
        {
            throw new ModelFormatException($"{path}: expected tensor \"{entry.Name}\" to have dtype, shape and data_offsets [begin, end], found {value}.");
        }

        var type = dtype.GetString() switch
        {
            "F32" => SafeTensorsType.F32,
            "BF16" => SafeTensorsType.BF16,
            "F64" => SafeTensorsType.F64,
            var other => throw new ModelFormatException($"{path}: tensor \"{entry.Name}\" has dtype {other}; expected F32, BF16 or F64."),
        };
        try
        {
            var sizes = shape.EnumerateArray().Select(s => s.GetInt64()).ToArray();
            if (sizes.Any(s => s < 0))
            {
                throw new ModelFormatException($"{path}: tensor \"{entry.Name}\" has a negative size in its shape [{string.Join(", ", sizes)}].");
            }

            return (type, sizes, offsets[0].GetInt64(), offsets[1].GetInt64());
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException)
        {
            throw new ModelFormatException($"{path}: tensor \"{entry.Name}\" has a shape or data_offsets that are not integers: {value}.", ex);
        }
    }

    private static int ElementSize(SafeTensorsType type) => type switch
    {
        SafeTensorsType.F32 => 4,
        SafeTensorsType.BF16 => 2,
        _ => 8,
    };

    private static ScalarType ScalarOf(SafeTensorsType type) => type switch
    {
        SafeTensorsType.F32 => ScalarType.Float32,
        SafeTensorsType.BF16 => ScalarType.BFloat16,
        _ => ScalarType.Float64,
    };

    private static byte[] ToBytes(Tensor tensor, SafeTensorsType type)
    {
        using var converted = tensor.detach().to(ScalarOf(type)).cpu().contiguous();
        var bytes = converted.bytes.ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("safetensors are little-endian; this writer runs on little-endian machines only.");
        }

        return bytes;
    }

    private static Tensor FromBytes(Span<byte> data, SafeTensorsType type, long[] shape)
    {
        var tensor = empty(shape, ScalarOf(type));
        if (data.Length > 0)
        {
            tensor.bytes = data;
        }

        return tensor;
    }
}
