using Agents.Runtime.Model;
using Agents.Runtime.Tokenization;
using static TorchSharp.torch;

namespace Agents.Runtime.Checkpoints;

/// <summary>
/// A model folder: config.json, model.safetensors and tokenizer.json (training adds training.jsonl and its plot).
/// Call on the model thread (it creates tensors).
/// </summary>
public static class ModelFolder
{
    /// <summary>The hyperparameters.</summary>
    public const string ConfigFile = "config.json";

    /// <summary>The weights.</summary>
    public const string WeightsFile = "model.safetensors";

    /// <summary>The tokenizer.</summary>
    public const string TokenizerFile = "tokenizer.json";

    /// <summary>Writes the config, the weights as <paramref name="type"/>, and the tokenizer when given.</summary>
    public static void Save(string directory, Transformer model, ChatTokenizer? tokenizer, SafeTensorsType type = SafeTensorsType.F32)
    {
        Directory.CreateDirectory(directory);
        model.Config.Save(Path.Combine(directory, ConfigFile));
        SaveWeights(Path.Combine(directory, WeightsFile), model, type);
        tokenizer?.Save(Path.Combine(directory, TokenizerFile));
    }

    /// <summary>Writes the weights of <paramref name="model"/> to a safetensors file.</summary>
    public static void SaveWeights(string path, Transformer model, SafeTensorsType type = SafeTensorsType.F32) =>
        SafeTensors.Write(path, model.named_parameters().Select(p => (p.name, (Tensor)p.parameter)), type, new Dictionary<string, string> { ["format"] = "pt" });

    /// <summary>Reads config.json and model.safetensors into a new model (float32 parameters).</summary>
    /// <exception cref="ModelFormatException">A file is missing, corrupt, or does not match the config.</exception>
    public static Transformer LoadModel(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ModelFormatException($"{directory}: expected a model folder, found none.");
        }

        var config = ModelConfig.Load(Path.Combine(directory, ConfigFile));
        var model = new Transformer(config);
        LoadWeights(model, Path.Combine(directory, WeightsFile));
        return model;
    }

    /// <summary>Reads tokenizer.json of the folder.</summary>
    /// <exception cref="TokenizerFormatException">The file is missing or malformed.</exception>
    public static ChatTokenizer LoadTokenizer(string directory) => ChatTokenizer.Load(Path.Combine(directory, TokenizerFile));

    /// <summary>Copies the tensors of a safetensors file into the parameters of <paramref name="model"/>.</summary>
    /// <exception cref="ModelFormatException">A parameter is missing, an extra tensor is present, or a shape differs.</exception>
    public static void LoadWeights(Transformer model, string path)
    {
        var tensors = SafeTensors.Read(path);
        try
        {
            var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            var missing = parameters.Keys.Except(tensors.Keys).Order().ToList();
            if (missing.Count > 0)
            {
                throw new ModelFormatException($"{path}: expected tensor \"{missing[0]}\" for this config, found none ({missing.Count} missing).");
            }

            var extra = tensors.Keys.Except(parameters.Keys).Order().ToList();
            if (extra.Count > 0)
            {
                throw new ModelFormatException($"{path}: found tensor \"{extra[0]}\", which this model does not have ({extra.Count} unexpected).");
            }

            using var _ = no_grad();
            foreach (var (name, parameter) in parameters)
            {
                var stored = tensors[name];
                if (!stored.shape.SequenceEqual(parameter.shape))
                {
                    throw new ModelFormatException(
                        $"{path}: tensor \"{name}\" has shape [{string.Join(", ", stored.shape)}], but config.json needs [{string.Join(", ", parameter.shape)}].");
                }

                parameter.copy_(stored);
            }
        }
        finally
        {
            foreach (var tensor in tensors.Values)
            {
                tensor.Dispose();
            }
        }
    }
}
