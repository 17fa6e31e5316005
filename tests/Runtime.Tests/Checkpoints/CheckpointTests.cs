using System.Buffers.Binary;
using System.Text;
using Agents.Runtime.Checkpoints;
using Agents.Runtime.Model;
using static TorchSharp.torch;

namespace Agents.Runtime.Tests.Checkpoints;

public sealed class CheckpointTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ckpt-").FullName;

    public CheckpointTests() => TinyModels.RequireTorch();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Saved_and_loaded_model_gives_identical_logits()
    {
        using var scope = NewDisposeScope();
        using var model = new Transformer(TinyModels.Config(), seed: 11);
        ModelFolder.Save(folder, model, tokenizer: null);
        using var loaded = ModelFolder.LoadModel(folder);
        Assert.Equal(model.Config, loaded.Config);
        var tokens = tensor(new long[] { 4, 8, 15, 16, 23, 42 }).unsqueeze(0);
        using var _ = no_grad();
        Assert.True(model.forward(tokens).equal(loaded.forward(tokens)).all().item<bool>());
    }

    [Fact]
    public void Bf16_checkpoint_is_half_the_size_and_close()
    {
        using var scope = NewDisposeScope();
        using var model = new Transformer(TinyModels.Config(), seed: 12);
        var full = Path.Combine(folder, "full.safetensors");
        var half = Path.Combine(folder, "half.safetensors");
        ModelFolder.SaveWeights(full, model);
        ModelFolder.SaveWeights(half, model, SafeTensorsType.BF16);
        Assert.InRange(new FileInfo(half).Length, new FileInfo(full).Length * 0.45, new FileInfo(full).Length * 0.6);
        using var loaded = new Transformer(TinyModels.Config(), seed: 99);
        ModelFolder.LoadWeights(loaded, half);
        var original = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in loaded.named_parameters())
        {
            Assert.True(parameter.allclose(original[name], rtol: 0.01, atol: 1e-4), name);
        }
    }

    [Fact]
    public void A_safetensors_file_written_by_hand_loads()
    {
        // Two tensors: "a" F32 [2] = {1.5, -2}, "b" BF16 [1, 2] = {1.0, 0.5}; header padded with spaces.
        var header = """{"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"BF16","shape":[1,2],"data_offsets":[8,12]}}""";
        while (header.Length % 8 != 0)
        {
            header += " ";
        }

        var bytes = new List<byte>();
        var length = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        bytes.AddRange(length);
        bytes.AddRange(Encoding.UTF8.GetBytes(header));
        bytes.AddRange(BitConverter.GetBytes(1.5f));
        bytes.AddRange(BitConverter.GetBytes(-2f));
        bytes.AddRange([0x80, 0x3F, 0x00, 0x3F]); // bf16 1.0 = 0x3F80, 0.5 = 0x3F00, little-endian
        var path = Path.Combine(folder, "hand.safetensors");
        File.WriteAllBytes(path, bytes.ToArray());

        using var scope = NewDisposeScope();
        var tensors = SafeTensors.Read(path);
        Assert.Equal([1.5f, -2f], tensors["a"].data<float>().ToArray());
        Assert.Equal(ScalarType.BFloat16, tensors["b"].dtype);
        Assert.Equal(new long[] { 1, 2 }, tensors["b"].shape);
        Assert.Equal([1f, 0.5f], tensors["b"].to(ScalarType.Float32).data<float>().ToArray());
        Assert.Equal("pt", SafeTensors.ReadMetadata(path)["format"]);
    }

    [Fact]
    public void Written_safetensors_follow_the_public_layout()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(folder, "x.safetensors");
        SafeTensors.Write(path, [("w", tensor(new float[] { 1, 2, 3 }))]);
        var bytes = File.ReadAllBytes(path);
        var headerLength = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, (8 + headerLength) % 8);
        var header = Encoding.UTF8.GetString(bytes, 8, headerLength);
        Assert.Contains("\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]}", header);
        Assert.Equal(8 + headerLength + 12, bytes.Length);
        Assert.Equal(3f, BitConverter.ToSingle(bytes, 8 + headerLength + 8));
    }

    [Fact]
    public void A_truncated_weights_file_gives_a_clear_error()
    {
        using var scope = NewDisposeScope();
        using var model = new Transformer(TinyModels.Config());
        ModelFolder.Save(folder, model, tokenizer: null);
        var path = Path.Combine(folder, ModelFolder.WeightsFile);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]);
        var error = Assert.Throws<ModelFormatException>(() => ModelFolder.LoadModel(folder));
        Assert.Contains(path, error.Message);
        Assert.Contains("data_offsets", error.Message);

        File.WriteAllBytes(path, [1, 2, 3]);
        Assert.Contains("8-byte header length", Assert.Throws<ModelFormatException>(() => ModelFolder.LoadModel(folder)).Message);
        File.WriteAllBytes(path, [.. BitConverter.GetBytes(4L), .. "{{{{"u8.ToArray()]);
        Assert.Contains("JSON header", Assert.Throws<ModelFormatException>(() => ModelFolder.LoadModel(folder)).Message);
    }

    [Fact]
    public void Weights_that_do_not_match_the_config_give_an_error_naming_the_tensor()
    {
        using var scope = NewDisposeScope();
        using var model = new Transformer(TinyModels.Config());
        ModelFolder.Save(folder, model, tokenizer: null);
        (TinyModels.Config() with { HiddenSize = 48 }).Save(Path.Combine(folder, ModelFolder.ConfigFile));
        var error = Assert.Throws<ModelFormatException>(() => ModelFolder.LoadModel(folder));
        Assert.Contains("mlp", error.Message);
        Assert.Contains("[32, 16]", error.Message.Replace("[16, 32]", "[32, 16]"));

        (TinyModels.Config() with { Layers = 3 }).Save(Path.Combine(folder, ModelFolder.ConfigFile));
        Assert.Contains("layers.2.", Assert.Throws<ModelFormatException>(() => ModelFolder.LoadModel(folder)).Message);
    }

    [Fact]
    public void A_config_with_an_unknown_field_is_rejected()
    {
        var path = Path.Combine(folder, "config.json");
        File.WriteAllText(path, TinyModels.Config().ToJson().Replace("\"layers\"", "\"n_layers\""));
        var error = Assert.Throws<ModelFormatException>(() => ModelConfig.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("n_layers", error.Message);
    }
}
