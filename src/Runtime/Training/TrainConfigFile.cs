using System.Text.Json;
using System.Text.Json.Serialization;
using Agents.Runtime.Model;

namespace Agents.Runtime.Training;

/// <summary>
/// The file behind <c>agents train --config</c>: JSON with an optional "model" section (the fields of config.json;
/// vocabulary_size comes from the tokenizer) and an optional "training" section (the fields of
/// <see cref="TrainingOptions"/> in snake_case). Unknown fields are errors.
/// </summary>
/// <param name="Model">The model shape, or null for the default.</param>
/// <param name="Training">The training options, or null for the defaults.</param>
public sealed record TrainConfigFile(ModelConfig? Model, TrainingOptions? Training)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };

    /// <summary>Reads the file.</summary>
    /// <exception cref="DatasetFormatException">The file is missing, not JSON, or has fields this version does not know; the message names the file and line.</exception>
    public static TrainConfigFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetFormatException($"{path}: expected a training config file, found nothing there.");
        }

        try
        {
            return JsonSerializer.Deserialize<TrainConfigFile>(File.ReadAllText(path), Json)
                ?? throw new DatasetFormatException($"{path}: expected a JSON object with \"model\" and/or \"training\", found null.");
        }
        catch (JsonException ex)
        {
            throw new DatasetFormatException($"{path}:{ex.LineNumber + 1}: expected a training config ({{\"model\": {{...}}, \"training\": {{...}}}}): {ex.Message}", ex);
        }
    }

    /// <summary>Writes the file (used to show the defaults).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
