using Agents.Runtime.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace Agents.Runtime.Tests.Model;

public sealed class TransformerTests
{
    public TransformerTests() => TinyModels.RequireTorch();

    [Fact]
    public void Attention_is_causal_changing_a_later_token_leaves_earlier_logits_unchanged()
    {
        using var scope = NewDisposeScope();
        using var model = new Transformer(TinyModels.Config(), seed: 1);
        var tokens = tensor(new long[] { 3, 14, 15, 9, 26, 5, 35, 8, 9, 7 }).unsqueeze(0);
        var changed = tokens.clone();
        changed[0, 6] = tensor(42L);
        using var _ = no_grad();
        var before = model.forward(tokens);
        var after = model.forward(changed);
        Assert.True(before.narrow(1, 0, 6).allclose(after.narrow(1, 0, 6), rtol: 0, atol: 1e-6));
        Assert.False(before.narrow(1, 6, 4).allclose(after.narrow(1, 6, 4), rtol: 0, atol: 1e-4));
    }

    [Fact]
    public void With_document_masks_a_packed_document_has_the_logits_it_has_alone()
    {
        using var scope = NewDisposeScope();
        using var model = new Transformer(TinyModels.Config(), seed: 1);
        const long separator = 0;
        long[] first = [3, 14, 15, 9, 26], second = [5, 35, 8, 9, 7, 21];
        var packed = tensor(first.Append(separator).Concat(second).ToArray()).unsqueeze(0);
        using var _ = no_grad();

        var leaky = model.forward(packed).narrow(1, first.Length + 1, second.Length);
        model.DocumentSeparator = separator;
        var masked = model.forward(packed);
        var alone = model.forward(tensor(second).unsqueeze(0));
        var firstAlone = model.forward(tensor(first.Append(separator).ToArray()).unsqueeze(0));

        Assert.True(masked.narrow(1, first.Length + 1, second.Length).allclose(alone, rtol: 0, atol: 1e-5), "the second document sees only itself");
        Assert.True(masked.narrow(1, 0, first.Length + 1).allclose(firstAlone, rtol: 0, atol: 1e-5), "the first document, with its separator, is unchanged");
        Assert.False(leaky.allclose(alone, rtol: 0, atol: 1e-3), "without masks the second document sees the first");
    }

    [Fact]
    public void Rotary_embedding_matches_a_hand_computed_case()
    {
        using var scope = NewDisposeScope();
        // Head size 4, theta 100: pair (x0, x2) turns by p radians, pair (x1, x3) by p / 10 radians.
        var (cos, sin) = Rotary.Tables(3, 4, 100, CPU, ScalarType.Float64);
        var x = tensor(new double[] { 1, 2, 3, 4 }).view(1, 1, 1, 4).expand(1, 1, 3, 4).contiguous();
        var rotated = Rotary.Apply(x, cos, sin);
        for (var p = 0; p < 3; p++)
        {
            double a = p, b = p / 10.0;
            double[] expected = [(1 * Math.Cos(a)) - (3 * Math.Sin(a)), (2 * Math.Cos(b)) - (4 * Math.Sin(b)), (3 * Math.Cos(a)) + (1 * Math.Sin(a)), (4 * Math.Cos(b)) + (2 * Math.Sin(b))];
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(expected[i], rotated[0, 0, p, i].item<double>(), 12);
            }
        }
    }

    [Fact]
    public void Output_head_is_tied_to_the_embedding_without_a_second_parameter()
    {
        using var scope = NewDisposeScope();
        var config = TinyModels.Config();
        using var model = new Transformer(config);
        var parameters = model.named_parameters().ToList();
        Assert.Single(parameters, p => p.parameter.shape.SequenceEqual(new long[] { config.VocabularySize, config.Width }));
        Assert.Equal(config.ParameterCount, parameters.Sum(p => p.parameter.numel()));

        // Changing the embedding changes the output head: logits of token t lean towards t when its row grows.
        using var _ = no_grad();
        var tokens = tensor(new long[] { 1, 2, 3 }).unsqueeze(0);
        var before = model.forward(tokens)[0, 2, 7].item<float>();
        parameters.Single(p => p.name == "embed_tokens.weight").parameter[7].mul_(50);
        Assert.NotEqual(before, model.forward(tokens)[0, 2, 7].item<float>());
    }

    [Fact]
    public void Initialisation_follows_gpt2_and_the_first_loss_is_near_uniform()
    {
        using var scope = NewDisposeScope();
        var config = TinyModels.Config(vocabulary: 512) with { Width = 64, HiddenSize = 256, Layers = 4 };
        using var model = new Transformer(config, seed: 3);
        var weights = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(0.02, weights["layers.0.self_attn.q_proj.weight"].std().item<float>(), 0.002);
        Assert.Equal(0.02 / Math.Sqrt(8), weights["layers.0.self_attn.o_proj.weight"].std().item<float>(), 0.001);
        Assert.Equal(0.02 / Math.Sqrt(8), weights["layers.3.mlp.down_proj.weight"].std().item<float>(), 0.001);
        Assert.Equal(1f, weights["norm.weight"].mean().item<float>());

        using var _ = no_grad();
        var tokens = randint(0, 512, [4, 16], generator: new Generator(5));
        var targets = randint(0, 512, [4 * 16], generator: new Generator(6));
        var logits = model.forward(tokens);
        var loss = nn.functional.cross_entropy(logits.view(-1, 512), targets).item<float>();
        Assert.InRange(loss, Math.Log(512) - 0.1, Math.Log(512) + 0.1);
    }

    [Fact]
    public void Same_seed_gives_the_same_weights_and_another_seed_does_not()
    {
        using var scope = NewDisposeScope();
        using var a = new Transformer(TinyModels.Config(), seed: 9);
        using var b = new Transformer(TinyModels.Config(), seed: 9);
        using var c = new Transformer(TinyModels.Config(), seed: 10);
        var pa = a.named_parameters().First(p => p.name.Contains("q_proj")).parameter;
        Assert.True(pa.allclose(b.named_parameters().First(p => p.name.Contains("q_proj")).parameter, 0, 0));
        Assert.False(pa.allclose(c.named_parameters().First(p => p.name.Contains("q_proj")).parameter, 0, 0));
    }

    [Fact]
    public void Gradients_match_finite_differences_in_float64()
    {
        using var scope = NewDisposeScope();
        var config = TinyModels.Config(vocabulary: 20) with { Width = 8, HiddenSize = 16, Heads = 2, KeyValueHeads = 1 };
        using var model = new Transformer(config, seed: 4);
        model.to(ScalarType.Float64);
        model.ComputeType = ScalarType.Float64;
        var tokens = tensor(new long[] { 1, 5, 7, 2, 19, 3, 3, 8 }).view(1, 8);
        var targets = tensor(new long[] { 5, 7, 2, 19, 3, 3, 8, 11 });
        Tensor Loss() => nn.functional.cross_entropy(model.forward(tokens).view(-1, 20), targets);

        Loss().backward();
        var rng = new Random(7);
        const double h = 1e-6;
        foreach (var (name, parameter) in model.named_parameters())
        {
            var flat = parameter.detach().view(-1);
            var gradient = parameter.grad!.view(-1);
            for (var trial = 0; trial < 3; trial++)
            {
                var i = rng.Next((int)flat.numel());
                using var _ = no_grad();
                var original = flat[i].item<double>();
                flat[i] = tensor(original + h);
                var plus = Loss().item<double>();
                flat[i] = tensor(original - h);
                var minus = Loss().item<double>();
                flat[i] = tensor(original);
                var numeric = (plus - minus) / (2 * h);
                var analytic = gradient[i].item<double>();
                Assert.True(Math.Abs(numeric - analytic) <= 1e-6 + (1e-4 * Math.Abs(numeric)), $"{name}[{i}]: analytic {analytic}, numeric {numeric}");
            }
        }
    }

    [Fact]
    public void Bf16_compute_stays_close_to_fp32()
    {
        using var scope = NewDisposeScope();
        using var model = new Transformer(TinyModels.Config(), seed: 2);
        var tokens = tensor(new long[] { 1, 2, 3, 4, 5, 6 }).unsqueeze(0);
        using var _ = no_grad();
        var full = model.forward(tokens);
        model.ComputeType = ScalarType.BFloat16;
        var half = model.forward(tokens);
        Assert.Equal(ScalarType.Float32, half.dtype);
        Assert.True(full.allclose(half, rtol: 0, atol: 0.05), $"max difference {(full - half).abs().max().item<float>()}");
    }

    [Fact]
    public void Config_that_does_not_fit_together_is_rejected_with_the_field_named()
    {
        var error = Assert.Throws<ModelFormatException>(() => TinyModels.Config() with { KeyValueHeads = 3 } is var c ? c.Validate("my.json") : null);
        Assert.Contains("my.json", error.Message);
        Assert.Contains("key_value_heads", error.Message);
    }
}
