using Agents.Decisions;

namespace Agents.Minds;

/// <summary>
/// Answers decisions in batches: one reply per decision, in order. A reply may be null or malformed (the caller
/// falls back); a mind does not throw for one bad decision. Implementations say their own thread-safety.
/// </summary>
public interface IMind
{
    /// <summary>Answers every decision of <paramref name="batch"/>.</summary>
    Task<IReadOnlyList<MindReply>> AnswerAsync(IReadOnlyList<IDecision> batch, CancellationToken cancellationToken);
}
