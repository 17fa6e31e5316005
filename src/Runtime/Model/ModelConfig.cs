using System.Text.Json;
using System.Text.Json.Serialization;

namespace Agents.Runtime.Model;

/// <summary>Every hyperparameter of the decoder-only transformer (Llama shape); saved as config.json in a model folder.</summary>
/// <param name="VocabularySize">Number of token ids.</param>
/// <param name="ContextLength">Longest sequence the model sees (block size).</param>
/// <param name="Layers">Number of transformer blocks.</param>
/// <param name="Heads">Number of query heads.</param>
/// <param name="KeyValueHeads">Number of key/value heads (grouped-query attention); divides <paramref name="Heads"/>.</param>
/// <param name="Width">Embedding width; divisible by <paramref name="Heads"/>, with an even head size.</param>
/// <param name="HiddenSize">Inner width of the SwiGLU feed-forward.</param>
/// <param name="RopeTheta">Base of the rotary position frequencies.</param>
/// <param name="NormEpsilon">Epsilon of RMSNorm.</param>
/// <param name="InitStd">Standard deviation of the initial weights (GPT-2: 0.02); residual projections get it divided by sqrt(2 x layers).</param>
public sealed record ModelConfig(
    int VocabularySize,
    int ContextLength = 256,
    int Layers = 4,
    int Heads = 4,
    int KeyValueHeads = 2,
    int Width = 256,
    int HiddenSize = 688,
    double RopeTheta = 10000,
    double NormEpsilon = 1e-5,
    double InitStd = 0.02)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Size of one attention head.</summary>
    [JsonIgnore]
    public int HeadSize => Width / Heads;

    /// <summary>Number of parameters (embedding counted once: the output head shares it).</summary>
    [JsonIgnore]
    public long ParameterCount =>
        ((long)VocabularySize * Width) + Width +
        (Layers * ((2L * Width) + ((long)Width * Width * 2) + (2L * Width * KeyValueHeads * HeadSize) + (3L * Width * HiddenSize)));

    /// <summary>Training FLOPs per token: 6 x parameters plus attention (12 x layers x context x width), as in the PaLM/nanoGPT estimate.</summary>
    public double TrainingFlopsPerToken(int sequenceLength) => (6.0 * ParameterCount) + (12.0 * Layers * sequenceLength * Width);

    /// <summary>Checks the hyperparameters fit together; the message names <paramref name="source"/> and the field.</summary>
    /// <exception cref="ModelFormatException">A value is out of range or the values do not fit together.</exception>
    public ModelConfig Validate(string source = "config")
    {
        void Require(bool ok, string what)
        {
            if (!ok)
            {
                throw new ModelFormatException($"{source}: {what}.");
            }
        }

        Require(VocabularySize > 0, $"expected vocabulary_size > 0, found {VocabularySize}");
        Require(ContextLength > 0, $"expected context_length > 0, found {ContextLength}");
        Require(Layers > 0, $"expected layers > 0, found {Layers}");
        Require(Heads > 0 && Width % Heads == 0, $"expected width ({Width}) divisible by heads ({Heads})");
        Require(HeadSize % 2 == 0, $"expected an even head size (width / heads), found {HeadSize}");
        Require(KeyValueHeads > 0 && Heads % KeyValueHeads == 0, $"expected key_value_heads ({KeyValueHeads}) to divide heads ({Heads})");
        Require(HiddenSize > 0, $"expected hidden_size > 0, found {HiddenSize}");
        Require(RopeTheta > 0, $"expected rope_theta > 0, found {RopeTheta}");
        Require(NormEpsilon > 0, $"expected norm_epsilon > 0, found {NormEpsilon}");
        Require(InitStd > 0, $"expected init_std > 0, found {InitStd}");
        return this;
    }

    /// <summary>Serialises to config.json text (snake_case names).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Writes config.json.</summary>
    public void Save(string path) => File.WriteAllText(path, ToJson());

    /// <summary>Reads and validates a config.json.</summary>
    /// <exception cref="ModelFormatException">The file is missing, not JSON, has unknown fields, or holds values that do not fit.</exception>
    public static ModelConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelFormatException($"{path}: expected a model config.json, found no file.");
        }

        try
        {
            var config = JsonSerializer.Deserialize<ModelConfig>(File.ReadAllText(path), Json)
                ?? throw new ModelFormatException($"{path}: expected a JSON object, found null.");
            return config.Validate(path);
        }
        catch (JsonException ex)
        {
            throw new ModelFormatException($"{path}: expected a model config (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
    }
}
