using System.Diagnostics;
using System.Runtime.CompilerServices;
using Agents.Runtime.Inference.Constraints;
using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using Agents.Runtime.Tokenization;
using static TorchSharp.torch;

namespace Agents.Runtime.Inference;

/// <summary>
/// Generation with a KV cache and continuous batching. Requests are admitted into cache slots as slots free up (each
/// prompt prefilled in one pass, reusing the longest cached prefix of any slot), and every step decodes all active
/// slots together on the model thread. A cancelled request frees its slot at the next step; requests beyond the
/// slots wait in a bounded queue, beyond which they are refused with <see cref="EngineBusyException"/>. Thread-safe;
/// the engine borrows the model thread and model, and owns its cache.
/// </summary>
public sealed class InferenceEngine : IAsyncDisposable
{
    private readonly ModelThread thread;
    private readonly Transformer model;
    private readonly ChatTokenizer tokenizer;
    private readonly KvCache cache;
    private readonly object gate = new();
    private readonly Queue<Sequence> waiting = new();
    private readonly Sequence?[] slots;
    private readonly List<int>[] slotTokens;
    private readonly string?[] tokenTexts;
    private readonly HashSet<int> endTokens;
    private readonly Dictionary<string, TokenConstraint> constraints = [];
    private readonly SemaphoreSlim wake = new(0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task driver;
    private long requests, refused, promptTokens, prefillTokens, completionTokens, decodeTicks;
    private int active;

    /// <summary>Creates the engine and its cache on <paramref name="thread"/>.</summary>
    public InferenceEngine(ModelThread thread, Transformer model, ChatTokenizer tokenizer, EngineOptions? options = null)
    {
        this.thread = thread;
        this.model = model;
        this.tokenizer = tokenizer;
        Options = options ?? new EngineOptions();
        cache = thread.CreateAsync(() => new KvCache(model, Options.Slots)).GetAwaiter().GetResult();
        slots = new Sequence?[Options.Slots];
        slotTokens = Enumerable.Range(0, Options.Slots).Select(_ => new List<int>()).ToArray();
        endTokens = [tokenizer.EndOfMessage, tokenizer.EndOfText];
        var special = SpecialTokens.All.Select(tokenizer.IdOf).ToHashSet();
        tokenTexts = Enumerable.Range(0, tokenizer.VocabularySize)
            .Select(id => special.Contains(id) ? null : tokenizer.Decode([id]) is var text && text.Length > 0 && !text.Contains('\uFFFD') ? text : null)
            .ToArray();
        driver = Task.Run(DriveAsync);
    }

    /// <summary>The capacity settings.</summary>
    public EngineOptions Options { get; }

    /// <summary>The tokenizer the engine encodes with.</summary>
    public ChatTokenizer Tokenizer => tokenizer;

    /// <summary>Longest prompt plus reply, in tokens.</summary>
    public int ContextLength => cache.Capacity;

    /// <summary>A snapshot of the counters.</summary>
    public EngineStats Stats
    {
        get
        {
            lock (gate)
            {
                return new EngineStats(requests, refused, promptTokens, prefillTokens, completionTokens, active, waiting.Count, decodeTicks / (double)Stopwatch.Frequency);
            }
        }
    }

    /// <summary>Generates a reply to a chat.</summary>
    public Task<GenerationResult> GenerateAsync(IReadOnlyList<ChatMessage> messages, SamplingOptions options, CancellationToken cancellationToken = default) =>
        GenerateAsync(ChatTemplate.EncodePrompt(tokenizer, messages), options, cancellationToken);

    /// <summary>Generates a continuation of <paramref name="prompt"/> token ids.</summary>
    public async Task<GenerationResult> GenerateAsync(int[] prompt, SamplingOptions options, CancellationToken cancellationToken = default)
    {
        var text = new System.Text.StringBuilder();
        var logprobs = options.Logprobs ? new List<TokenLogprob>() : null;
        await foreach (var chunk in StreamAsync(prompt, options, cancellationToken).ConfigureAwait(false))
        {
            text.Append(chunk.Text);
            logprobs?.AddRange(chunk.Logprobs ?? []);
            if (chunk.Finish is { } finish)
            {
                return new GenerationResult(text.ToString(), finish, chunk.PromptTokens, chunk.CompletionTokens, logprobs);
            }
        }

        throw new InvalidOperationException("The reply ended without a finish reason.");
    }

    /// <summary>Streams a reply to a chat.</summary>
    public IAsyncEnumerable<GenerationChunk> StreamAsync(IReadOnlyList<ChatMessage> messages, SamplingOptions options, CancellationToken cancellationToken = default) =>
        StreamAsync(ChatTemplate.EncodePrompt(tokenizer, messages), options, cancellationToken);

    /// <summary>Streams the continuation of <paramref name="prompt"/>; the last chunk carries the finish reason. Stopping the enumeration cancels the request.</summary>
    /// <exception cref="RuntimeOptionException">Options out of range, or the prompt leaves no room in the context.</exception>
    /// <exception cref="ConstraintException">The constraint cannot be compiled.</exception>
    /// <exception cref="EngineBusyException">Every slot is busy and the wait queue is full.</exception>
    public async IAsyncEnumerable<GenerationChunk> StreamAsync(int[] prompt, SamplingOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sequence = await SubmitAsync(prompt, options, cancellationToken).ConfigureAwait(false);
        using var registration = cancellationToken.Register(() =>
        {
            sequence.Cancel();
            Wake();
        });
        try
        {
            await foreach (var chunk in sequence.Output.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return chunk;
            }
        }
        finally
        {
            sequence.Cancel();
            Wake();
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Stops the scheduler and frees the cache; replies in flight end cancelled.</summary>
    public async ValueTask DisposeAsync()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        await stopping.CancelAsync().ConfigureAwait(false);
        Wake();
        await driver.ConfigureAwait(false);
        await thread.RunAsync(() =>
        {
            foreach (var sequence in slots.Concat(waiting).OfType<Sequence>())
            {
                sequence.Output.Writer.TryComplete(new OperationCanceledException("The engine stopped."));
            }

            cache.Dispose();
        }).ConfigureAwait(false);
        wake.Dispose();
        stopping.Dispose();
    }

    /// <summary>The compiled constraint for <paramref name="constraint"/>, shared across requests (so its masks are too). Model thread only.</summary>
    internal TokenConstraint Compile(OutputConstraint constraint)
    {
        var pattern = constraint.ToPattern();
        if (!constraints.TryGetValue(pattern, out var compiled))
        {
            compiled = new TokenConstraint(CharAutomaton.FromRegex(pattern), tokenTexts, endTokens);
            constraints[pattern] = compiled;
        }

        return compiled;
    }

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

            while (!stopping.IsCancellationRequested && await thread.RunAsync(Step).ConfigureAwait(false))
            {
            }
        }
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

    /// <summary>Samples the next token of <paramref name="sequence"/> from <paramref name="logits"/>, emits its text, and finishes the reply when it ends.</summary>
    private void Choose(Sequence sequence, float[] logits)
    {
        if (sequence.IsCancelled)
        {
            Finish(sequence, null);
            return;
        }

        if (sequence.Options.MaxTokens == 0)
        {
            Finish(sequence, FinishReason.Length);
            return;
        }

        var token = Pick(sequence, logits);
        if (token < 0)
        {
            Finish(sequence, FinishReason.Length);
            return;
        }

        lock (gate)
        {
            completionTokens++;
        }

        var logprob = sequence.Options.Logprobs ? Logprob(logits, token, sequence.Options.TopLogprobs) : null;
        if (endTokens.Contains(token))
        {
            sequence.Generated.Add(token);
            Emit(sequence, final: true, logprob, FinishReason.Stop);
            return;
        }

        sequence.Generated.Add(token);
        sequence.Sampler.Observe(token);
        if (sequence.Constraint is { } constraint)
        {
            sequence.ConstraintState = constraint.Advance(sequence.ConstraintState, token);
        }

        var full = sequence.Generated.Count >= sequence.Options.MaxTokens || slotTokens[sequence.Slot].Count + 1 >= cache.Capacity;
        if (Emit(sequence, final: full, logprob, full ? FinishReason.Length : null))
        {
            return;
        }

        sequence.Pending = token;
    }

    private int Pick(Sequence sequence, float[] logits)
    {
        if (sequence.Constraint is not { } constraint)
        {
            return sequence.Sampler.Next(logits, null);
        }

        // Try the unconstrained choice first: when the constraint allows it, it is the answer. Greedy, that is the
        // best allowed token; sampled without top-k/top-p, accepting an allowed draw and otherwise drawing from the
        // masked distribution gives each allowed token p(t) + (1 - p(A)) p(t) / p(A) = p(t) / p(A), exactly the masked
        // distribution, while most steps skip building the mask of a state never seen before.
        var state = sequence.ConstraintState;
        var options = sequence.Options;
        if (options.Temperature == 0 || (options.TopK == 0 && options.TopP >= 1))
        {
            var first = sequence.Sampler.Next(logits, null);
            if (constraint.Allows(state, first))
            {
                return first;
            }
        }

        var mask = constraint.Allowed(state);
        return Array.IndexOf(mask, true) < 0 ? -1 : sequence.Sampler.Next(logits, mask);
    }

    /// <summary>Sends the text decoded since the last chunk; true when the reply ended (by <paramref name="finish"/> or a stop sequence).</summary>
    private bool Emit(Sequence sequence, bool final, TokenLogprob? logprob, FinishReason? finish)
    {
        var visible = sequence.Generated.Where(t => !endTokens.Contains(t));
        var piece = sequence.Stops.Advance(tokenizer.Decode(visible), final || finish is not null, out var stopped);
        if (stopped)
        {
            finish = FinishReason.Stop;
        }

        var chunk = new GenerationChunk(piece, logprob is null ? null : [logprob], finish, sequence.Prompt.Length, sequence.Generated.Count);
        if (piece.Length > 0 || logprob is not null || finish is not null)
        {
            sequence.Output.Writer.TryWrite(chunk);
        }

        if (finish is not null)
        {
            Finish(sequence, finish);
            return true;
        }

        return false;
    }

    private TokenLogprob Logprob(float[] logits, int token, int top)
    {
        var (value, alternatives) = Sampler.Logprobs(logits, token, top);
        return new TokenLogprob(token, tokenizer.Decode([token]), value, alternatives.Select(a => (a.TokenId, tokenizer.Decode([a.TokenId]), a.Logprob)).ToArray());
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
