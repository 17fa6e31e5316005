using System.Diagnostics;
using static TorchSharp.torch;

namespace Agents.Runtime.Inference;

/// <content>
/// Scheduling: requests checked and queued, the driver that runs steps on the model thread while there is work, and
/// the admission of waiting requests into free slots.
/// </content>
public sealed partial class InferenceEngine
{
    private async Task<Sequence> SubmitAsync(int[] prompt, SamplingOptions options, CancellationToken cancellationToken)
    {
        options.Validate();
        if (options.MaxTokens > Options.MaxTokens)
        {
            throw new RuntimeOptionException($"Sampling options: expected max tokens <= {Options.MaxTokens}, found {options.MaxTokens}.");
        }

        if (prompt.Length == 0 || prompt.Length >= cache.Capacity)
        {
            throw new RuntimeOptionException($"Expected a prompt of 1 to {cache.Capacity - 1} tokens (the context is {cache.Capacity}), found {prompt.Length}.");
        }

        if (prompt.Any(id => id < 0 || id >= model.Config.VocabularySize))
        {
            throw new RuntimeOptionException($"Expected token ids in 0..{model.Config.VocabularySize - 1}.");
        }

        var constraint = options.Constraint is { } c ? await thread.RunAsync(() => Compile(c), cancellationToken).ConfigureAwait(false) : null;
        var sequence = new Sequence(prompt, options, constraint, options.Stop ?? []) { CancellationToken = cancellationToken };
        lock (gate)
        {
            if (active + waiting.Count >= Options.Slots + Options.MaxQueue)
            {
                refused++;
                throw new EngineBusyException($"The model is busy: {Options.Slots} replies in progress and {waiting.Count} waiting (the queue holds {Options.MaxQueue}). Try again later.");
            }

            requests++;
            promptTokens += prompt.Length;
            waiting.Enqueue(sequence);
        }

        Wake();
        return sequence;
    }

    private void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (ObjectDisposedException)
        {
            // The engine is gone; nothing to wake.
        }
    }

    private async Task DriveAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await wake.WaitAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                while (!stopping.IsCancellationRequested && await thread.RunAsync(Step).ConfigureAwait(false))
                {
                }
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                // A fault in a step must not leave its callers waiting forever: the replies in flight end with the
                // error, and the engine goes on with the queue.
                await thread.RunAsync(() => Fault(e)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs on the model thread before each decode step; tests set it to make a step fail.</summary>
    internal Action? BeforeDecode { get; set; }

    /// <summary>Ends every reply in a slot with <paramref name="error"/> and forgets the slots' cached tokens (a failed step may have left them half-written).</summary>
    private void Fault(Exception error)
    {
        for (var slot = 0; slot < slots.Length; slot++)
        {
            slotTokens[slot].Clear();
            if (slots[slot] is not { } sequence)
            {
                continue;
            }

            slots[slot] = null;
            lock (gate)
            {
                active--;
            }

            sequence.Pending = -1;
            sequence.Output.Writer.TryComplete(new InvalidOperationException($"The inference engine failed while generating this reply: {error.Message}", error));
        }

        Wake();
    }

    /// <summary>One scheduler step on the model thread; true while there is more to do.</summary>
    private bool Step()
    {
        var started = Stopwatch.GetTimestamp();
        using var _ = no_grad();
        model.eval();
        for (var slot = 0; slot < slots.Length; slot++)
        {
            if (slots[slot] is { IsCancelled: true } gone)
            {
                Finish(gone, null);
            }
        }

        Admit();
        BeforeDecode?.Invoke();
        Decode();
        lock (gate)
        {
            decodeTicks += Stopwatch.GetTimestamp() - started;
            return active > 0 || (waiting.Count > 0 && slots.Any(s => s is null));
        }
    }

    private void Admit()
    {
        lock (gate)
        {
            // A cancelled request gives its place in the queue back at once, wherever it waits.
            if (waiting.Any(s => s.IsCancelled))
            {
                var kept = waiting.Where(s => !s.IsCancelled).ToList();
                foreach (var gone in waiting.Where(s => s.IsCancelled))
                {
                    gone.Output.Writer.TryComplete(new OperationCanceledException(gone.CancellationToken));
                }

                waiting.Clear();
                kept.ForEach(waiting.Enqueue);
            }
        }

        var admitted = new List<(Sequence Sequence, int Start)>();
        while (true)
        {
            Sequence? sequence;
            lock (gate)
            {
                if (Array.IndexOf(slots, null) < 0 || !waiting.TryDequeue(out sequence))
                {
                    break;
                }

                active++;
            }

            admitted.Add((sequence, Place(sequence, admitted.Select(a => a.Sequence.Slot).ToHashSet())));
        }

        // Prompts admitted together are prefilled in one pass, right-padded to the longest; a row whose padding would
        // run past the cache goes alone.
        var longest = admitted.Count == 0 ? 0 : admitted.Max(a => a.Sequence.Prompt.Length - a.Start);
        var together = admitted.Where(a => a.Start + longest <= cache.Capacity).ToList();
        if (together.Count > 0)
        {
            Prefill(together);
        }

        foreach (var alone in admitted.Except(together))
        {
            Prefill([alone]);
        }
    }
}
