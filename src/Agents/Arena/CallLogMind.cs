using System.Collections.Concurrent;
using Agents.Decisions;
using Agents.Minds;

namespace Agents.Arena;

/// <summary>
/// Passes decisions to a mind and keeps each decision's prompt and raw reply, in the order the replies came (a strategy may
/// ask several things at once, as self-consistency does). Thread-safe when the inner mind is.
/// </summary>
/// <param name="inner">The mind that answers.</param>
internal sealed class CallLogMind(IMind inner) : IMind
{
    private readonly ConcurrentQueue<ArenaCall> calls = new();

    /// <summary>The calls so far.</summary>
    public IReadOnlyList<ArenaCall> Calls => [.. calls];

    /// <inheritdoc />
    public async Task<IReadOnlyList<MindReply>> AnswerAsync(IReadOnlyList<IDecision> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var replies = await inner.AnswerAsync(batch, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++)
        {
            calls.Enqueue(new ArenaCall(batch[i].Type, batch[i].Render(), replies[i].Text, replies[i].Calls));
        }

        return replies;
    }
}
