using Agents.Collaboration;

namespace Agents.Arena;

/// <summary>Adversarial debate (Liang et al.): affirmative, negative, moderator with adaptive stop, judge after the last round.</summary>
/// <param name="MaxRounds">Rounds before the judge decides.</param>
public sealed record AdversarialDebateStrategy(int MaxRounds = 3) : IArenaStrategy
{
    /// <inheritdoc />
    public string Name => "adversarial debate";

    /// <inheritdoc />
    public async Task<string?> SolveAsync(ArenaTask task, ArenaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        var debate = new AdversarialDebate(context.Mind, MaxRounds, context.Tally);
        return (await debate.RunAsync(task.Question, cancellationToken).ConfigureAwait(false)).Answer;
    }
}
