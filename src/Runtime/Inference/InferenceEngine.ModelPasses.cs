using static TorchSharp.torch;

namespace Agents.Runtime.Inference;

/// <content>The model passes: one batched prefill of admitted prompts, and one decode step over every active slot.</content>
public sealed partial class InferenceEngine
{
    private void Prefill(List<(Sequence Sequence, int Start)> rows)
    {
        var lengths = rows.Select(r => (long)(r.Sequence.Prompt.Length - r.Start)).ToArray();
        var time = lengths.Max();
        var ids = new long[rows.Count * time];
        for (var b = 0; b < rows.Count; b++)
        {
            var (sequence, start) = rows[b];
            for (var t = 0; t < lengths[b]; t++)
            {
                ids[(b * time) + t] = sequence.Prompt[start + t];
            }
        }

        lock (gate)
        {
            prefillTokens += lengths.Sum();
        }

        using var scope = NewDisposeScope();
        var device = cache.Cos.device;
        var logits = model.ForwardCached(
            tensor(ids, device: device).view(rows.Count, time), cache, rows.Select(r => (long)r.Sequence.Slot).ToArray(), rows.Select(r => (long)r.Start).ToArray(), lastOnly: true, lengths);
        var all = logits.reshape(-1).to(ScalarType.Float32).cpu().data<float>().ToArray();
        var vocabulary = model.Config.VocabularySize;
        for (var b = 0; b < rows.Count; b++)
        {
            Choose(rows[b].Sequence, all.AsSpan(b * vocabulary, vocabulary).ToArray());
        }
    }

    private void Decode()
    {
        var batch = slots.OfType<Sequence>().Where(s => s.Pending >= 0).ToArray();
        if (batch.Length == 0)
        {
            return;
        }

        using var scope = NewDisposeScope();
        var tokens = batch.Select(s => (long)s.Pending).ToArray();
        var slotIds = batch.Select(s => (long)s.Slot).ToArray();
        var starts = batch.Select(s => (long)slotTokens[s.Slot].Count).ToArray();
        foreach (var s in batch)
        {
            slotTokens[s.Slot].Add(s.Pending);
        }

        var device = cache.Cos.device;
        var logits = model.ForwardCached(tensor(tokens, device: device).view(-1, 1), cache, slotIds, starts);
        var all = logits.reshape(-1).to(ScalarType.Float32).cpu().data<float>().ToArray();
        var vocabulary = model.Config.VocabularySize;
        for (var b = 0; b < batch.Length; b++)
        {
            Choose(batch[b], all.AsSpan(b * vocabulary, vocabulary).ToArray());
        }
    }
}
