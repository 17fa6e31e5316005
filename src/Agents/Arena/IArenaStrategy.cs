namespace Agents.Arena;

/// <summary>A way of solving a task with a mind. Implementations are immutable and may solve several items at once.</summary>
public interface IArenaStrategy
{
    /// <summary>The strategy's name on the leaderboard.</summary>
    string Name { get; }

    /// <summary>The normalised final answer to <paramref name="task"/>, or null when none could be parsed (counted wrong).</summary>
    Task<string?> SolveAsync(ArenaTask task, ArenaContext context, CancellationToken cancellationToken);
}
