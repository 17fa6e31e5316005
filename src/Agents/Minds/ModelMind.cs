using Agents.Decisions;
using Microsoft.Extensions.AI;

namespace Agents.Minds;

/// <summary>
/// Answers decisions with any <see cref="IChatClient"/> (the bundled model, an endpoint, a test double): one call per
/// decision, a few in flight at once, retried when a reply does not parse or the call throws, within a call budget,
/// with tokens counted in <see cref="Usage"/>. A decision that gets no usable reply comes back null (the caller falls
/// back). Thread-safe if the client is; the mind does not own the client.
/// </summary>
public sealed class ModelMind : IMind
{
    private readonly IChatClient _client;
    private readonly ModelMindOptions _options;

    /// <summary>Creates a mind over <paramref name="client"/>.</summary>
    public ModelMind(IChatClient client, ModelMindOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _options = options ?? new ModelMindOptions();
    }

    /// <summary>What the mind has spent so far.</summary>
    public MindUsage Usage { get; } = new();

    /// <inheritdoc />
    public async Task<IReadOnlyList<MindReply>> AnswerAsync(IReadOnlyList<IDecision> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var replies = new MindReply[batch.Count];
        using var gate = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrency));
        var tasks = new Task[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var index = i;
            tasks[i] = Task.Run(
                async () =>
                {
                    await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        replies[index] = await AnswerOneAsync(batch[index], cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        gate.Release();
                    }
                },
                cancellationToken);
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        return replies;
    }

    private async Task<MindReply> AnswerOneAsync(IDecision decision, CancellationToken cancellationToken)
    {
        var prompt = decision.Render();
        List<ChatMessage> messages = [new(ChatRole.System, DecisionPrompts.System), new(ChatRole.User, prompt)];
        var options = new ChatOptions
        {
            Temperature = (float)_options.Temperature,
            MaxOutputTokens = decision.MaxReplyTokens,
        };
        if (decision.StopSequences is { Count: > 0 } stops)
        {
            options.StopSequences = [.. stops];
        }

        if (_options.ConstrainReplies)
        {
            options.AdditionalProperties = new AdditionalPropertiesDictionary { ["guided_regex"] = decision.ReplyShape };
        }

        int calls = 0;
        long promptTokens = 0, completion = 0;
        string? last = null;
        for (var attempt = 0; attempt <= _options.Retries; attempt++)
        {
            if (!Usage.TryTakeCall(_options.CallBudget))
            {
                break;
            }

            calls++;
            options.Seed = _options.Seed is { } seed ? RequestSeed(seed, prompt, attempt) : null;
            if (attempt > 0)
            {
                Usage.AddRetry();
            }

            try
            {
                var response = await _client.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
                var usage = response.Usage;
                promptTokens += usage?.InputTokenCount ?? 0;
                completion += usage?.OutputTokenCount ?? 0;
                Usage.AddTokens(usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0);
                last = response.Text;
                if (decision.Accepts(last))
                {
                    return new MindReply(last, calls, promptTokens, completion);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A failing model call falls back like a bad reply; it must never stop a run.
            catch (Exception)
#pragma warning restore CA1031
            {
                last = null;
            }
        }

        Usage.AddFailure();
        return new MindReply(last, calls, promptTokens, completion);
    }

    /// <summary>
    /// The sampling seed of one request: the mind's seed mixed with the prompt and the attempt (FNV-1a), so a decision
    /// draws the same reply in every run while different decisions, and retries, draw independently. One seed for
    /// every request would give every reply's first token the same random quantile: a reply the model rates at about a
    /// quarter (the teacher's "talk" when it notices someone) would then never, or always, be drawn.
    /// </summary>
    internal static long RequestSeed(long seed, string prompt, int attempt)
    {
        var hash = 14695981039346656037UL ^ (ulong)seed;
        foreach (var c in prompt)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash = (hash ^ (ulong)attempt) * 1099511628211UL;
        return (long)(hash >> 1);
    }
}
