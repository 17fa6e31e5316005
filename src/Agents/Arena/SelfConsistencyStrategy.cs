using Agents.Collaboration;

namespace Agents.Arena;

/// <summary>Self-consistency: k chain-of-thought samples (one batch), majority vote over the parsed answers.</summary>
/// <param name="Samples">The number of samples k.</param>
public sealed record SelfConsistencyStrategy(int Samples = 5) : IArenaStrategy
{
    /// <inheritdoc />
    public string Name => $"self-consistency@{Samples}";

    /// <inheritdoc />
    public async Task<string?> SolveAsync(ArenaTask task, ArenaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        var decisions = Enumerable.Range(0, Samples).Select(i => new SolveDecision(Name, task.Question, SolveStyle.ChainOfThought, [], i)).ToList();
        var replies = await context.Tally.AskAsync(context.Mind, decisions, cancellationToken).ConfigureAwait(false);
        return MajorityVote.Of(decisions.Select((d, i) => replies[i] is { } r && d.TryParse(r, out var a) ? a : null));
    }
}
