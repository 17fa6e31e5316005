using Agents.Collaboration;

namespace Agents.Arena;

/// <summary>Collaborative debate (Du et al.) of <paramref name="Agents"/> agents over <paramref name="Rounds"/> rounds, majority vote.</summary>
/// <param name="Agents">Debaters.</param>
/// <param name="Rounds">Rounds of revision.</param>
public sealed record DebateStrategy(int Agents = 3, int Rounds = 2) : IArenaStrategy
{
    /// <inheritdoc />
    public string Name => $"debate {Agents}x{Rounds}";

    /// <inheritdoc />
    public async Task<string?> SolveAsync(ArenaTask task, ArenaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        var debate = new CollaborativeDebate(context.Mind, new DebateOptions(Agents, Rounds), context.Tally);
        return (await debate.RunAsync(task.Question, cancellationToken).ConfigureAwait(false)).Answer;
    }
}
