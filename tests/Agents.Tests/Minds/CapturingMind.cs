using Agents.Decisions;
using Agents.Minds;

namespace Agents.Tests.Minds;

/// <summary>Wraps a mind and keeps every decision it was asked with the reply it gave.</summary>
internal sealed class CapturingMind(IMind inner) : IMind
{
    public List<(IDecision Decision, string? Reply)> Seen { get; } = [];

    public async Task<IReadOnlyList<MindReply>> AnswerAsync(IReadOnlyList<IDecision> batch, CancellationToken cancellationToken)
    {
        var replies = await inner.AnswerAsync(batch, cancellationToken);
        for (var i = 0; i < batch.Count; i++)
        {
            Seen.Add((batch[i], replies[i].Text));
        }

        return replies;
    }
}
