namespace Agents.Runtime.Inference;

/// <content>
/// KV-cache slots: placing a reply in a free slot that holds (or is given a copy of) the longest cached prefix of its
/// prompt, and freeing the slot when the reply ends.
/// </content>
public sealed partial class InferenceEngine
{
    /// <summary>
    /// Puts <paramref name="sequence"/> in a free slot holding (or given a copy of) the longest cached prefix of its
    /// prompt; returns where its prefill starts. Slots in <paramref name="pending"/> are not computed yet, so they are no source.
    /// </summary>
    private int Place(Sequence sequence, HashSet<int> pending)
    {
        var prompt = sequence.Prompt;
        int bestSource = -1, bestLength = 0;
        for (var slot = 0; slot < slots.Length; slot++)
        {
            var shared = pending.Contains(slot) ? 0 : CommonPrefix(slotTokens[slot], prompt);
            if (shared > bestLength || (shared == bestLength && bestSource >= 0 && slots[bestSource] is not null && slots[slot] is null))
            {
                bestSource = slot;
                bestLength = shared;
            }
        }

        var target = bestSource >= 0 && slots[bestSource] is null ? bestSource : Array.IndexOf(slots, null);
        var start = Math.Min(bestLength, prompt.Length - 1);
        if (bestSource >= 0 && bestSource != target)
        {
            cache.CopyPrefix(bestSource, target, start);
        }

        slots[target] = sequence;
        sequence.Slot = target;
        slotTokens[target].Clear();
        slotTokens[target].AddRange(prompt);
        return start;
    }

    /// <summary>Frees the reply's slot (its cached tokens stay for prefix reuse) and completes its output; a null reason means cancelled.</summary>
    private void Finish(Sequence sequence, FinishReason? reason)
    {
        if (sequence.Slot >= 0 && slots[sequence.Slot] == sequence)
        {
            slots[sequence.Slot] = null;
            lock (gate)
            {
                active--;
            }
        }

        sequence.Pending = -1;
        if (reason is null)
        {
            sequence.Output.Writer.TryComplete(new OperationCanceledException(sequence.CancellationToken));
        }
        else
        {
            sequence.Output.Writer.TryComplete();
        }
    }

    private static int CommonPrefix(List<int> cached, int[] prompt)
    {
        var n = Math.Min(cached.Count, prompt.Length);
        var i = 0;
        while (i < n && cached[i] == prompt[i])
        {
            i++;
        }

        return i;
    }
}
