using System.Text.Json;
using Agents.Runtime.Checkpoints;
using Agents.Runtime.Inference;
using Agents.Runtime.Model;
using Agents.Testing;
using static TorchSharp.torch;

namespace Agents.Runtime.Tests.Model;

public sealed class LoraAdapterTests
{
    private static readonly long[] Tokens = [3, 14, 15, 9, 26, 5, 35, 8, 9, 7];

    public LoraAdapterTests() => TinyModels.RequireTorch();

    private static LoraConfig Config(int rank = 2, double alpha = 4, string targets = "all", double dropout = 0) => new(rank, alpha, LoraConfig.ParseTargets(targets), Dropout: dropout);

    [Fact]
    public void A_fresh_adapter_leaves_the_logits_exactly_unchanged()
    {
        using var scope = NewDisposeScope();
        using var model = new Transformer(TinyModels.Config(), seed: 1);
        using var _ = no_grad();
        var input = tensor(Tokens).unsqueeze(0);
        var before = model.forward(input);
        using var adapter = LoraAdapter.Create(model, Config(), seed: 3);
        adapter.Attach(model);

        Assert.Equal(0.0, (model.forward(input) - before).abs().max().item<float>());
        Assert.True(adapter.NamedParameters.Where(p => p.Name.Contains("lora_A", StringComparison.Ordinal)).All(p => p.Parameter.abs().sum().item<float>() > 0), "A starts random");
        Assert.True(adapter.NamedParameters.Where(p => p.Name.Contains("lora_B", StringComparison.Ordinal)).All(p => p.Parameter.abs().sum().item<float>() == 0), "B starts at zero");
    }

    [Fact]
    public void The_trainable_parameters_are_exactly_the_adapter_and_the_base_is_frozen()
    {
        using var scope = NewDisposeScope();
        var config = TinyModels.Config();
        using var model = new Transformer(config, seed: 1);
        using var adapter = LoraAdapter.Create(model, Config(rank: 2), seed: 3);
        adapter.Attach(model);

        // Width 16, hidden 32, 4 heads of 4 with 2 key-value heads: per block q 2(16+16), k and v 2(16+8), o 2(16+16),
        // gate and up 2(16+32), down 2(32+16) = 512; two blocks.
        Assert.Equal(1024, adapter.ParameterCount);
        Assert.Equal(1024, adapter.Config.ParameterCount(config));
        Assert.Equal(28, adapter.NamedParameters.Count);
        Assert.All(model.parameters(), p => Assert.False(p.requires_grad));
        Assert.All(adapter.NamedParameters, p => Assert.True(p.Parameter.requires_grad));
        Assert.DoesNotContain(model.named_parameters(), p => p.name.Contains("lora", StringComparison.Ordinal));

        var loss = model.forward(tensor(Tokens).unsqueeze(0)).sum();
        loss.backward();
        Assert.All(model.parameters(), p => Assert.Null(p.grad));
        Assert.All(adapter.NamedParameters.Where(p => p.Name.Contains("lora_B", StringComparison.Ordinal)), p => Assert.NotNull(p.Parameter.grad));
    }

    [Fact]
    public void A_merged_model_gives_the_logits_of_base_plus_adapter_on_both_forward_paths()
    {
        using var scope = NewDisposeScope();
        using var model = new Transformer(TinyModels.Config(), seed: 1);
        using var adapter = LoraAdapter.Create(model, Config(rank: 4, alpha: 8), seed: 3);
        using var _ = no_grad();
        RandomiseB(adapter, seed: 5);
        adapter.Attach(model);
        var input = tensor(Tokens).unsqueeze(0);
        var plain = new Transformer(TinyModels.Config(), seed: 1).forward(input);
        var adapted = model.forward(input);
        Assert.True((adapted - plain).abs().max().item<float>() > 1e-2, "the adapter should change the logits");

        using (var cache = new KvCache(model, slots: 1))
        {
            var cached = model.ForwardCached(input, cache, [0], [0]);
            Assert.True(cached.allclose(adapted, rtol: 0, atol: 1e-5), "the KV-cache path applies the adapter too");
        }

        adapter.MergeInto(model);
        Assert.Null(model.Adapter);
        var merged = model.forward(input);
        var difference = (merged - adapted).abs().max().item<float>();
        Assert.True(difference < 1e-4, $"merged logits differ by {difference}");
    }

    [Fact]
    public void Without_dropout_the_change_is_scale_times_x_a_transposed_b_transposed_in_train_and_eval_mode_alike()
    {
        using var scope = NewDisposeScope();
        using var model = new Transformer(TinyModels.Config(), seed: 1);
        using var adapter = LoraAdapter.Create(model, Config(rank: 2, alpha: 6), seed: 3);
        using var _ = no_grad();
        RandomiseB(adapter, seed: 5);
        var x = randn([2, 5, 16], generator: new TorchSharp.torch.Generator(9));
        var a = adapter.NamedParameters.Single(p => p.Name == "layers.1.self_attn.q_proj.lora_A.weight").Parameter;
        var b = adapter.NamedParameters.Single(p => p.Name == "layers.1.self_attn.q_proj.lora_B.weight").Parameter;
        var expected = x.matmul(a.t()).matmul(b.t()) * 3.0;

        var training = adapter.Delta(1, Projection.Query, x, ScalarType.Float32, training: true)!;
        var evaluating = adapter.Delta(1, Projection.Query, x, ScalarType.Float32, training: false)!;

        Assert.True(training.allclose(expected, rtol: 1e-5, atol: 1e-6), "p = 0 computes (alpha / rank) B A x");
        Assert.Equal(0.0, (training - evaluating).abs().max().item<float>());
        adapter.Attach(model);
        var input = tensor(Tokens).unsqueeze(0);
        model.train();
        var trainLogits = model.forward(input);
        model.eval();
        Assert.Equal(0.0, (model.forward(input) - trainLogits).abs().max().item<float>());
    }

    [Fact]
    public void Dropout_changes_the_training_pass_only_and_the_same_seed_drops_the_same_values()
    {
        using var scope = NewDisposeScope();
        using var model = new Transformer(TinyModels.Config(), seed: 1);
        using var plain = LoraAdapter.Create(model, Config(rank: 4, alpha: 8), seed: 3);
        using var dropping = LoraAdapter.Create(model, Config(rank: 4, alpha: 8, dropout: 0.5), seed: 3);
        using var _ = no_grad();
        RandomiseB(plain, seed: 5);
        RandomiseB(dropping, seed: 5);
        var input = tensor(Tokens).unsqueeze(0);
        Tensor Logits(LoraAdapter adapter, bool training, long dropoutSeed = 0)
        {
            model.Adapter = adapter;
            model.train(training);
            adapter.SeedDropout(dropoutSeed);
            return model.forward(input);
        }

        // Eval mode: dropout does nothing, so the adapter with p = 0.5 answers as the one without.
        Assert.Equal(0.0, (Logits(dropping, training: false) - Logits(plain, training: false)).abs().max().item<float>());

        var first = Logits(dropping, training: true, dropoutSeed: 11);
        Assert.True((first - Logits(plain, training: true)).abs().max().item<float>() > 1e-3, "p = 0.5 should change the training pass");
        Assert.Equal(0.0, (Logits(dropping, training: true, dropoutSeed: 11) - first).abs().max().item<float>());
        Assert.True((Logits(dropping, training: true, dropoutSeed: 12) - first).abs().max().item<float>() > 1e-4, "another seed drops other values");
        model.Adapter = null;
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_dropout_outside_zero_to_one_is_refused_naming_the_option(double dropout)
    {
        var error = Assert.Throws<RuntimeOptionException>(() => Config(dropout: dropout).Validate());
        Assert.StartsWith("--lora-dropout:", error.Message);
    }

    [Fact]
    public void A_saved_adapter_loads_onto_its_base_and_records_rank_alpha_targets_and_the_base_hash()
    {
        using var temp = new TempFolder();
        using var scope = NewDisposeScope();
        using var model = new Transformer(TinyModels.Config(), seed: 1);
        using var _ = no_grad();
        using var adapter = LoraAdapter.Create(model, Config(rank: 3, alpha: 6, targets: "q,v,down", dropout: 0.05), seed: 3, baseModel: "/models/base");
        RandomiseB(adapter, seed: 5);
        LoraFolder.Save(temp.Path, adapter);

        using var json = JsonDocument.Parse(File.ReadAllText(temp[LoraFolder.ConfigFile]));
        var root = json.RootElement;
        Assert.Equal("LORA", root.GetProperty("peft_type").GetString());
        Assert.Equal(3, root.GetProperty("r").GetInt32());
        Assert.Equal(6, root.GetProperty("lora_alpha").GetDouble());
        Assert.Equal(0.05, root.GetProperty("lora_dropout").GetDouble());
        Assert.Equal(0.05, LoraFolder.LoadConfig(temp.Path).Dropout);
        Assert.Equal(["q_proj", "v_proj", "down_proj"], root.GetProperty("target_modules").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("/models/base", root.GetProperty("base_model_name_or_path").GetString());
        Assert.Equal(LoraAdapter.WeightsSha256(model), root.GetProperty("base_model_sha256").GetString());
        Assert.Equal(64, root.GetProperty("base_model_sha256").GetString()!.Length);
        Assert.Contains("layers.1.mlp.down_proj.lora_B.weight", SafeTensors.Read(temp[LoraFolder.WeightsFile]).Keys);

        // Eval mode, as inference runs: the adapter's dropout only acts while training.
        var input = tensor(Tokens).unsqueeze(0);
        model.eval();
        adapter.Attach(model);
        var expected = model.forward(input);
        model.Adapter = null;
        using var loaded = LoraFolder.Load(temp.Path, model);
        loaded.Attach(model);
        Assert.Equal(0.0, (model.forward(input) - expected).abs().max().item<float>());
    }

    [Fact]
    public void An_adapter_refuses_a_base_with_other_weights_naming_the_adapter_option()
    {
        using var temp = new TempFolder();
        using var scope = NewDisposeScope();
        using var model = new Transformer(TinyModels.Config(), seed: 1);
        using (var adapter = LoraAdapter.Create(model, Config(), seed: 3))
        {
            LoraFolder.Save(temp.Path, adapter);
        }

        using var other = new Transformer(TinyModels.Config(), seed: 2);
        var error = Assert.Throws<RuntimeOptionException>(() => LoraFolder.Load(temp.Path, other));
        Assert.StartsWith($"--adapter {temp.Path}:", error.Message);
        Assert.Contains("another base model", error.Message);

        // The merged model is not the base either: an adapter cannot be applied twice.
        using (var loaded = LoraFolder.Load(temp.Path, model))
        {
            RandomiseB(loaded, seed: 1);
            loaded.MergeInto(model);
        }

        Assert.Throws<RuntimeOptionException>(() => LoraFolder.Load(temp.Path, model));
    }

    [Theory]
    [InlineData(0, 16, "all", "--rank")]
    [InlineData(-3, 16, "all", "--rank")]
    [InlineData(8, 0, "all", "--alpha")]
    [InlineData(8, double.NaN, "all", "--alpha")]
    public void Out_of_range_options_name_the_option(int rank, double alpha, string targets, string option)
    {
        var error = Assert.Throws<RuntimeOptionException>(() => Config(rank, alpha, targets).Validate());
        Assert.StartsWith(option + ":", error.Message);
    }

    [Theory]
    [InlineData("q,foo", "\"foo\"")]
    [InlineData("", "expected a comma-separated list")]
    [InlineData("q,,lm_head", "\"lm_head\"")]
    public void Unknown_targets_are_named(string targets, string expected)
    {
        var error = Assert.Throws<RuntimeOptionException>(() => LoraConfig.ParseTargets(targets));
        Assert.StartsWith("--targets:", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Targets_parse_short_and_module_names_in_block_order()
    {
        Assert.Equal([Projection.Query, Projection.Value, Projection.Down], LoraConfig.ParseTargets("down, V_PROJ,q,q"));
        Assert.Equal(LoraConfig.AllTargets, LoraConfig.ParseTargets("q,k,v,o,gate,up,down"));
    }

    private static void RandomiseB(LoraAdapter adapter, int seed)
    {
        using var generator = new TorchSharp.torch.Generator((ulong)seed);
        using var _ = no_grad();
        foreach (var (name, parameter) in adapter.NamedParameters.Where(p => p.Name.Contains("lora_B", StringComparison.Ordinal)))
        {
            parameter.copy_(randn(parameter.shape, generator: generator) * 0.2);
        }
    }
}
