using System.Diagnostics;
using System.Runtime.CompilerServices;
using Agents.Runtime.Inference.Constraints;
using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using Agents.Runtime.Tokenization;

namespace Agents.Runtime.Inference;

/// <summary>
/// Generation with a KV cache and continuous batching. Requests are admitted into cache slots as slots free up (each
/// prompt prefilled in one pass, reusing the longest cached prefix of any slot), and every step decodes all active
/// slots together on the model thread. A cancelled request frees its slot at the next step; requests beyond the
/// slots wait in a bounded queue, beyond which they are refused with <see cref="EngineBusyException"/>. Thread-safe;
/// the engine borrows the model thread and model, and owns its cache.
/// </summary>
public sealed partial class InferenceEngine : IAsyncDisposable
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
    private readonly ConstraintCache constraints = new(ConstraintCacheSize);
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
}
