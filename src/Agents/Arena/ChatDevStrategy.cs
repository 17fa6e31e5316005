using Agents.Collaboration;
using Agents.Collaboration.ChatDev;
using Agents.Collaboration.Programs;

namespace Agents.Arena;

/// <summary>
/// A ChatDev chat chain as an arena strategy, every role played by the arena's mind. On a function spec it runs the
/// chain on the spec's brief with a tester that runs the visible example only (the hidden tests stay for grading) and
/// answers with the final files as named code blocks. On another task it runs the chain without a tester and answers
/// with the files when a phase wrote any, else with the last conclusion's "Answer: X" (or the whole conclusion).
/// Immutable; thread-safe if the mind is.
/// </summary>
/// <param name="Chain">The chain (e.g. scenarios/arena/chatdev-software.yaml, loaded with <see cref="ChatChainFile"/>).</param>
/// <param name="Label">The name on the leaderboard; null for "chatdev".</param>
public sealed record ChatDevStrategy(ChatChain Chain, string? Label = null) : IArenaStrategy
{
    /// <summary>The strategy's name in arena files.</summary>
    public const string KindName = "chatdev";

    /// <inheritdoc />
    public string Name => Label ?? KindName;

    /// <inheritdoc />
    public async Task<string?> SolveAsync(ArenaTask task, ArenaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(Chain);
        var spec = FunctionSpecTasks.SpecOf(task);
        var tester = spec is null ? null : new MiniTester([spec.Example]);
        var result = await Chain.RunAsync(spec?.Brief ?? task.Question, context.Mind, context.Tally, tester, cancellationToken).ConfigureAwait(false);
        if (result.Files.Count > 0)
        {
            return CodeBlocks.Render(result.Files);
        }

        if (spec is not null)
        {
            return null;
        }

        var conclusion = result.Phases.LastOrDefault(p => p.Conclusion is not null)?.Conclusion;
        return conclusion is null ? null
            : FinalAnswer.TryExtract(conclusion, out var answer) ? answer
            : FinalAnswer.Normalize(conclusion);
    }
}
