using System.Text.Json;
using System.Text.Json.Serialization;
using Agents.Runtime.Model;
using static TorchSharp.torch;

namespace Agents.Runtime.Checkpoints;

/// <summary>
/// A LoRA adapter folder: adapter.safetensors (the A and B matrices, PEFT names) and adapter_config.json (PEFT fields
/// r, lora_alpha, lora_dropout, target_modules, base_model_name_or_path, plus base_model_sha256, the hash of the base weights, so an
/// adapter is never applied to a model it was not trained on). Call on the model thread (it creates tensors).
/// </summary>
public static class LoraFolder
{
    /// <summary>The adapter weights.</summary>
    public const string WeightsFile = "adapter.safetensors";

    /// <summary>The adapter config.</summary>
    public const string ConfigFile = "adapter_config.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes adapter.safetensors and adapter_config.json into <paramref name="directory"/> (created if needed).</summary>
    public static void Save(string directory, LoraAdapter adapter)
    {
        Directory.CreateDirectory(directory);
        SaveWeights(Path.Combine(directory, WeightsFile), adapter);
        SaveConfig(Path.Combine(directory, ConfigFile), adapter.Config);
    }

    /// <summary>Writes the adapter's tensors (float32) to a safetensors file.</summary>
    public static void SaveWeights(string path, LoraAdapter adapter) =>
        SafeTensors.Write(path, adapter.NamedParameters.Select(p => (p.Name, (Tensor)p.Parameter)), SafeTensorsType.F32, new Dictionary<string, string> { ["format"] = "pt" });

    /// <summary>Writes adapter_config.json, atomically.</summary>
    public static void SaveConfig(string path, LoraConfig config)
    {
        var file = new ConfigJson
        {
            Rank = config.Rank,
            Alpha = config.Alpha,
            Dropout = config.Dropout,
            TargetModules = config.Targets.Select(t => LoraConfig.ShortName(t) + "_proj").ToList(),
            BaseModel = config.BaseModel,
            BaseModelSha256 = config.BaseModelSha256,
        };
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(file, Json));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads and checks adapter_config.json of <paramref name="directory"/>.</summary>
    /// <exception cref="ModelFormatException">The folder or file is missing, not JSON, not a LoRA config, or holds values out of range.</exception>
    public static LoraConfig LoadConfig(string directory)
    {
        var path = Path.Combine(directory, ConfigFile);
        if (!File.Exists(path))
        {
            throw new ModelFormatException($"{path}: expected a LoRA adapter config (adapter_config.json, written by 'agents train --lora'), found no file.");
        }

        ConfigJson file;
        try
        {
            file = JsonSerializer.Deserialize<ConfigJson>(File.ReadAllText(path), Json)
                ?? throw new ModelFormatException($"{path}: expected a JSON object, found null.");
        }
        catch (JsonException ex)
        {
            throw new ModelFormatException($"{path}: expected an adapter config (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        if (!string.Equals(file.PeftType, "LORA", StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelFormatException($"{path}: expected \"peft_type\": \"LORA\", found \"{file.PeftType}\".");
        }

        if (string.IsNullOrEmpty(file.BaseModelSha256))
        {
            throw new ModelFormatException($"{path}: expected \"base_model_sha256\", the hash of the base weights, found none.");
        }

        try
        {
            var targets = LoraConfig.ParseTargets(string.Join(',', file.TargetModules ?? []));
            return new LoraConfig(file.Rank, file.Alpha, targets, file.BaseModel, file.BaseModelSha256, file.Dropout).Validate();
        }
        catch (RuntimeOptionException ex)
        {
            throw new ModelFormatException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Loads the adapter in <paramref name="directory"/> for <paramref name="model"/> (on its device), after checking
    /// that the model's weights are the ones it was trained on. The adapter is not attached: call
    /// <see cref="LoraAdapter.Attach"/> to run with it, or <see cref="LoraAdapter.MergeInto"/> to fold it in.
    /// </summary>
    /// <exception cref="ModelFormatException">A file of the adapter folder is missing or corrupt.</exception>
    /// <exception cref="RuntimeOptionException">The model is not the adapter's base (other shape or other weights).</exception>
    public static LoraAdapter Load(string directory, Transformer model)
    {
        if (!Directory.Exists(directory))
        {
            throw new ModelFormatException($"--adapter {directory}: expected a LoRA adapter folder (adapter.safetensors, adapter_config.json), found none.");
        }

        var config = LoadConfig(directory);
        var hash = LoraAdapter.WeightsSha256(model);
        if (!string.Equals(hash, config.BaseModelSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new RuntimeOptionException(
                $"--adapter {directory}: the adapter was trained on another base model ({config.BaseModel ?? "unnamed"}, weights sha256 {Short(config.BaseModelSha256!)}), " +
                $"but the model given has weights sha256 {Short(hash)}. Load it onto the base it was trained on.");
        }

        var adapter = LoraAdapter.Restore(model, config);
        try
        {
            LoadWeights(adapter, Path.Combine(directory, WeightsFile));
            return adapter;
        }
        catch
        {
            adapter.Dispose();
            throw;
        }
    }

    /// <summary>Copies the tensors of an adapter safetensors file into <paramref name="adapter"/>.</summary>
    /// <exception cref="ModelFormatException">The file is missing, corrupt, or holds other tensors or shapes.</exception>
    public static void LoadWeights(LoraAdapter adapter, string path)
    {
        var tensors = SafeTensors.Read(path);
        try
        {
            adapter.LoadWeights(tensors, path);
        }
        finally
        {
            foreach (var tensor in tensors.Values)
            {
                tensor.Dispose();
            }
        }
    }

    /// <summary>
    /// The model of <paramref name="modelDirectory"/> with the adapter of <paramref name="adapterDirectory"/> merged
    /// into its weights: a plain <see cref="Transformer"/> (float32, on the CPU) that inference uses like any other.
    /// </summary>
    /// <exception cref="ModelFormatException">A file of either folder is missing or corrupt.</exception>
    /// <exception cref="RuntimeOptionException">The model is not the adapter's base.</exception>
    public static Transformer LoadMerged(string modelDirectory, string adapterDirectory)
    {
        var model = ModelFolder.LoadModel(modelDirectory);
        try
        {
            using var adapter = Load(adapterDirectory, model);
            adapter.MergeInto(model);
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;

    /// <summary>adapter_config.json, with PEFT's field names where PEFT has the field.</summary>
    private sealed class ConfigJson
    {
        [JsonPropertyName("peft_type")]
        public string PeftType { get; set; } = "LORA";

        [JsonPropertyName("r")]
        public int Rank { get; set; }

        [JsonPropertyName("lora_alpha")]
        public double Alpha { get; set; }

        [JsonPropertyName("lora_dropout")]
        public double Dropout { get; set; }

        [JsonPropertyName("bias")]
        public string Bias { get; set; } = "none";

        [JsonPropertyName("target_modules")]
        public List<string>? TargetModules { get; set; }

        [JsonPropertyName("base_model_name_or_path")]
        public string? BaseModel { get; set; }

        [JsonPropertyName("base_model_sha256")]
        public string? BaseModelSha256 { get; set; }
    }
}
