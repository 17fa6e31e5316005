using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Agents.Runtime.Inference.Constraints;

/// <summary>
/// Translates the supported JSON-schema subset into a regex over compact JSON: objects with fixed keys (every listed
/// property, in order), strings with minLength/maxLength, enum and const, integers with minimum/maximum, numbers,
/// booleans, null, arrays with items, minItems and maxItems, and a list of types. Other keywords that would change
/// the language (pattern, anyOf, $ref ...) are refused rather than ignored.
/// </summary>
public static class JsonSchemaPattern
{
    private const string StringChar = "([^\"\\\\\\u0000-\\u001f]|\\\\[\"\\\\/bfnrt])";
    private static readonly HashSet<string> Ignored = ["description", "title", "$schema", "additionalProperties", "required", "default", "examples", "$id", "strict", "format"];

    /// <summary>The regex for <paramref name="schema"/>.</summary>
    /// <exception cref="Inference.ConstraintException">The schema uses a keyword or shape outside the subset.</exception>
    public static string From(JsonElement schema) => Node(schema, "$");

    private static string Node(JsonElement schema, string path)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw Error(path, "expected a schema object");
        }

        foreach (var property in schema.EnumerateObject())
        {
            if (!Ignored.Contains(property.Name) && property.Name is not ("type" or "enum" or "const" or "properties" or "items" or "minLength" or "maxLength" or "minimum" or "maximum" or "minItems" or "maxItems"))
            {
                throw Error(path, $"keyword \"{property.Name}\" is not supported");
            }
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            return Literal(constant.GetRawText());
        }

        if (schema.TryGetProperty("enum", out var choices))
        {
            return "(" + string.Join('|', choices.EnumerateArray().Select(c => Literal(Compact(c)))) + ")";
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            throw Error(path, "expected \"type\", \"enum\" or \"const\"");
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            return "(" + string.Join('|', type.EnumerateArray().Select(t => Typed(schema, t.GetString() ?? string.Empty, path))) + ")";
        }

        return Typed(schema, type.GetString() ?? string.Empty, path);
    }

    private static string Typed(JsonElement schema, string type, string path)
    {
        switch (type)
        {
            case "object":
                var members = new List<string>();
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        members.Add(Literal(JsonSerializer.Serialize(property.Name) + ":") + Node(property.Value, $"{path}.{property.Name}"));
                    }
                }

                return "\\{" + string.Join(",", members) + "\\}";
            case "string":
                var minLength = Int(schema, "minLength", 0, path);
                var maxLength = Int(schema, "maxLength", -1, path);
                return "\"" + StringChar + Bounds(minLength, maxLength, path) + "\"";
            case "integer":
                return schema.TryGetProperty("minimum", out _) || schema.TryGetProperty("maximum", out _)
                    ? IntegerRangePattern.For(Long(schema, "minimum", -999_999_999_999, path), Long(schema, "maximum", 999_999_999_999, path))
                    : "(-?(0|[1-9][0-9]{0,11}))";
            case "number":
                return "(-?(0|[1-9][0-9]{0,11})(\\.[0-9]{1,6})?)";
            case "boolean":
                return "(true|false)";
            case "null":
                return "null";
            case "array":
                if (!schema.TryGetProperty("items", out var items))
                {
                    throw Error(path, "an array needs \"items\"");
                }

                var item = Node(items, path + "[]");
                var minItems = Int(schema, "minItems", 0, path);
                var maxItems = Int(schema, "maxItems", -1, path);
                if (maxItems == 0)
                {
                    return "\\[\\]";
                }

                var more = maxItems < 0 ? "*" : $"{{{Math.Max(0, minItems - 1)},{maxItems - 1}}}";
                var list = "(" + item + ")(," + item + ")" + more;
                return "\\[" + (minItems == 0 ? "(" + list + ")?" : list) + "\\]";
            default:
                throw Error(path, $"type \"{type}\" is not supported (expected object, string, integer, number, boolean, null or array)");
        }
    }

    private static string Bounds(int min, int max, string path) =>
        max < 0 ? $"{{{min},}}" : max >= min ? $"{{{min},{max}}}" : throw Error(path, $"maxLength {max} is below minLength {min}");

    private static int Int(JsonElement schema, string name, int fallback, string path) =>
        !schema.TryGetProperty(name, out var value) ? fallback
        : value.TryGetInt32(out var n) && n >= 0 && n <= 1000 ? n
        : throw Error(path, $"expected \"{name}\" to be an integer in 0..1000");

    private static long Long(JsonElement schema, string name, long fallback, string path) =>
        !schema.TryGetProperty(name, out var value) ? fallback
        : value.TryGetInt64(out var n) ? n
        : value.TryGetDouble(out var d) && Math.Abs(d) < 1e15 ? (long)(name == "minimum" ? Math.Ceiling(d) : Math.Floor(d))
        : throw Error(path, $"expected \"{name}\" to be a number");

    private static string Compact(JsonElement value) => JsonSerializer.Serialize(value);

    private static string Literal(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if ("\\^$.|?*+()[]{}".Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static Inference.ConstraintException Error(string path, string what) =>
        new(string.Create(CultureInfo.InvariantCulture, $"JSON schema at {path}: {what}."));
}
