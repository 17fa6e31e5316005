using Agents.Decisions;
using Agents.Minds;

namespace Agents.Collaboration;

/// <summary>
/// Asks a mind one decision at a time (or a batch) and adds up what it cost: decisions asked, model calls, tokens
/// reported by the mind, and an estimate (characters / 4) where a mind reports none. Thread-safe.
/// </summary>
public sealed class MindTally
{
    private long _decisions, _calls, _tokens, _estimatedTokens;

    /// <summary>Decisions asked.</summary>
    public long Decisions => Interlocked.Read(ref _decisions);

    /// <summary>Model calls the mind reported (0 for scripted minds).</summary>
    public long ModelCalls => Interlocked.Read(ref _calls);

    /// <summary>Prompt and completion tokens the mind reported.</summary>
    public long ReportedTokens => Interlocked.Read(ref _tokens);

    /// <summary>Prompt and reply characters / 4, for minds that report no tokens.</summary>
    public long EstimatedTokens => Interlocked.Read(ref _estimatedTokens);

    /// <summary>Reported tokens when the mind reports any, else the estimate.</summary>
    public long Tokens => ReportedTokens > 0 ? ReportedTokens : EstimatedTokens;

    /// <summary>Calls the mind reported, or decisions asked when it reports none.</summary>
    public long Calls => ModelCalls > 0 ? ModelCalls : Decisions;

    /// <summary>Asks <paramref name="mind"/> every decision of <paramref name="batch"/>; the raw replies (null where none).</summary>
    public async Task<IReadOnlyList<string?>> AskAsync(IMind mind, IReadOnlyList<IDecision> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mind);
        ArgumentNullException.ThrowIfNull(batch);
        var replies = await mind.AnswerAsync(batch, cancellationToken).ConfigureAwait(false);
        var texts = new string?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var reply = i < replies.Count ? replies[i] : null;
            texts[i] = reply?.Text;
            Interlocked.Increment(ref _decisions);
            Interlocked.Add(ref _calls, reply?.Calls ?? 0);
            Interlocked.Add(ref _tokens, (reply?.PromptTokens ?? 0) + (reply?.CompletionTokens ?? 0));
            Interlocked.Add(ref _estimatedTokens, (batch[i].Render().Length + (reply?.Text?.Length ?? 0) + 3) / 4);
        }

        return texts;
    }

    /// <summary>Asks one decision; its raw reply or null.</summary>
    public async Task<string?> AskAsync(IMind mind, IDecision decision, CancellationToken cancellationToken) =>
        (await AskAsync(mind, [decision], cancellationToken).ConfigureAwait(false))[0];
}
