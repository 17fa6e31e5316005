using Agents.Runtime.Inference;
using Agents.Runtime.Model;
using static TorchSharp.torch;

namespace Agents.Runtime.Tests.Inference;

public sealed class KvCacheTests
{
    public KvCacheTests() => TinyModels.RequireTorch();

    [Fact]
    public void Cached_prefill_and_decode_give_the_recomputed_logits()
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        using var model = new Transformer(TinyModels.Config(), seed: 3);
        using var cache = new KvCache(model, slots: 2);
        long[] ids = [3, 14, 15, 9, 26, 5, 35, 8, 9, 7];
        var full = model.forward(tensor(ids).unsqueeze(0));

        var prefill = model.ForwardCached(tensor(ids[..6]).unsqueeze(0), cache, [1], [0]);
        Assert.True(prefill.allclose(full.narrow(1, 0, 6), rtol: 0, atol: 1e-5));
        for (var p = 6; p < ids.Length; p++)
        {
            var step = model.ForwardCached(tensor(new[] { ids[p] }).view(1, 1), cache, [1], [p]);
            Assert.True(step[0, 0].allclose(full[0, p], rtol: 0, atol: 1e-5), $"position {p}");
        }
    }

    [Fact]
    public void A_prefill_that_continues_a_cached_prefix_gives_the_recomputed_logits()
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        using var model = new Transformer(TinyModels.Config(), seed: 4);
        using var cache = new KvCache(model, slots: 3);
        long[] ids = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
        var full = model.forward(tensor(ids).unsqueeze(0));
        model.ForwardCached(tensor(ids[..4]).unsqueeze(0), cache, [0], [0]);
        cache.CopyPrefix(0, 2, 4);
        var rest = model.ForwardCached(tensor(ids[4..]).unsqueeze(0), cache, [2], [4]);
        Assert.True(rest.allclose(full.narrow(1, 4, 7), rtol: 0, atol: 1e-5));
    }

    [Fact]
    public void Batched_decode_of_slots_at_different_lengths_matches_each_sequence_alone()
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        using var model = new Transformer(TinyModels.Config(), seed: 5);
        using var cache = new KvCache(model, slots: 3);
        long[][] sequences = [[4, 8, 15, 16], [23, 42], [1, 2, 3, 4, 5, 6, 7]];
        long[] next = [11, 12, 13];
        for (var s = 0; s < 3; s++)
        {
            model.ForwardCached(tensor(sequences[s]).unsqueeze(0), cache, [s], [0]);
        }

        var batched = model.ForwardCached(tensor(next).view(3, 1), cache, [0, 1, 2], sequences.Select(s => (long)s.Length).ToArray());
        for (var s = 0; s < 3; s++)
        {
            var alone = model.forward(tensor(sequences[s].Append(next[s]).ToArray()).unsqueeze(0))[0, -1];
            Assert.True(batched[s, 0].allclose(alone, rtol: 0, atol: 1e-5), $"sequence {s}");
        }
    }

    [Fact]
    public void A_right_padded_batched_prefill_gives_each_row_its_own_last_logits_and_cache()
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        using var model = new Transformer(TinyModels.Config(), seed: 6);
        using var cache = new KvCache(model, slots: 2);
        long[] shortRow = [5, 6, 7], longRow = [9, 8, 7, 6, 5, 4];
        var padded = tensor(shortRow.Concat(new long[] { 0, 0, 0 }).Concat(longRow).ToArray()).view(2, 6);
        var last = model.ForwardCached(padded, cache, [0, 1], [0, 0], lastOnly: true, lengths: [3, 6]);
        Assert.True(last[0, 0].allclose(model.forward(tensor(shortRow).unsqueeze(0))[0, -1], rtol: 0, atol: 1e-5));
        Assert.True(last[1, 0].allclose(model.forward(tensor(longRow).unsqueeze(0))[0, -1], rtol: 0, atol: 1e-5));

        // Decoding after the short row overwrites its padding: the next token sees only the real prompt.
        var next = model.ForwardCached(tensor(new long[] { 11, 12 }).view(2, 1), cache, [0, 1], [3, 6]);
        Assert.True(next[0, 0].allclose(model.forward(tensor(new long[] { 5, 6, 7, 11 }).unsqueeze(0))[0, -1], rtol: 0, atol: 1e-5));
        Assert.True(next[1, 0].allclose(model.forward(tensor(longRow.Append(12L).ToArray()).unsqueeze(0))[0, -1], rtol: 0, atol: 1e-5));
    }
}
