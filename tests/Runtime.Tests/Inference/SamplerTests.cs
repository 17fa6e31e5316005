using Agents.Runtime.Inference;

namespace Agents.Runtime.Tests.Inference;

public sealed class SamplerTests
{
    private static readonly float[] Logits = [1f, 3f, 2.5f, -1f];

    [Fact]
    public void Greedy_picks_the_largest_logit_and_the_repetition_penalty_can_move_it()
    {
        Assert.Equal(1, new Sampler(new SamplingOptions(), []).Next(Logits, null));
        Assert.Equal(2, new Sampler(new SamplingOptions(RepetitionPenalty: 1.5), [1]).Next(Logits, null));
    }

    [Fact]
    public void Top_k_one_and_a_tiny_top_p_are_greedy_even_when_hot()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            Assert.Equal(1, new Sampler(new SamplingOptions(Temperature: 5, TopK: 1, Seed: seed), []).Next(Logits, null));
            Assert.Equal(1, new Sampler(new SamplingOptions(Temperature: 5, TopP: 0.01, Seed: seed), []).Next(Logits, null));
        }
    }

    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(0, 0.999)]
    [InlineData(4, 1.0)]
    public void Sampling_follows_the_softmax(int topK, double topP)
    {
        float[] logits = [0f, MathF.Log(2f), float.NegativeInfinity];
        var sampler = new Sampler(new SamplingOptions(Temperature: 1, TopK: topK, TopP: topP, Seed: 3), []);
        var counts = new int[3];
        for (var i = 0; i < 6000; i++)
        {
            counts[sampler.Next(logits, null)]++;
        }

        Assert.Equal(0, counts[2]);
        Assert.InRange(counts[1] / 6000.0, 0.64, 0.69);
    }

    [Fact]
    public void A_mask_is_obeyed_and_the_same_seed_repeats_the_draws()
    {
        bool[] mask = [true, false, true, true];
        var first = new Sampler(new SamplingOptions(Temperature: 2, Seed: 9), []);
        var second = new Sampler(new SamplingOptions(Temperature: 2, Seed: 9), []);
        for (var i = 0; i < 200; i++)
        {
            var a = first.Next(Logits, mask);
            Assert.NotEqual(1, a);
            Assert.Equal(a, second.Next(Logits, mask));
        }
    }

    [Fact]
    public void Logprobs_are_a_log_softmax_with_the_top_alternatives_in_order()
    {
        var (logprob, top) = Sampler.Logprobs(Logits, 2, 2);
        var z = Logits.Sum(l => Math.Exp(l));
        Assert.Equal(Math.Log(Math.Exp(2.5) / z), logprob, 6);
        Assert.Equal([1, 2], top.Select(t => t.TokenId));
    }
}
