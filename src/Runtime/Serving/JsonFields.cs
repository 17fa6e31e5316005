using System.Text.Json;

namespace Agents.Runtime.Serving;

/// <summary>Typed reads of optional request fields; a field of the wrong type is a 400 naming it.</summary>
internal static class JsonFields
{
    public static string? String(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : throw ApiException.BadField(name, $"Expected \"{name}\" to be a string.");

    public static int? Int(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i
        : throw ApiException.BadField(name, $"Expected \"{name}\" to be an integer.");

    public static long? Long(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var i) ? i
        : throw ApiException.BadField(name, $"Expected \"{name}\" to be an integer.");

    public static double? Number(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.Number ? v.GetDouble()
        : throw ApiException.BadField(name, $"Expected \"{name}\" to be a number.");

    public static bool? Bool(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean()
        : throw ApiException.BadField(name, $"Expected \"{name}\" to be true or false.");
}
