using System.Text.Json;

namespace Agents.Runtime.Inference;

/// <summary>The shape a reply must have: a regular expression (whole reply) or a JSON schema from the supported subset.</summary>
/// <param name="Regex">A regular expression the whole reply matches, when given.</param>
/// <param name="JsonSchema">A JSON schema the reply validates against, when given.</param>
public sealed record OutputConstraint(string? Regex = null, JsonElement? JsonSchema = null)
{
    /// <summary>A reply matching <paramref name="pattern"/> as a whole.</summary>
    public static OutputConstraint ForRegex(string pattern) => new(Regex: pattern);

    /// <summary>A reply that is JSON valid under <paramref name="schema"/>.</summary>
    public static OutputConstraint ForJsonSchema(JsonElement schema) => new(JsonSchema: schema.Clone());

    /// <summary>The regular expression the constraint compiles to (JSON schemas are translated).</summary>
    /// <exception cref="ConstraintException">The schema or pattern is outside the supported subset.</exception>
    public string ToPattern() =>
        Regex ?? (JsonSchema is { } schema ? Constraints.JsonSchemaPattern.From(schema) : throw new ConstraintException("A constraint needs a regex or a JSON schema."));
}
