using Agents.Collaboration;

namespace Agents.Arena;

/// <summary>Self-consistency: k chain-of-thought samples (one batch), majority vote over the parsed answers.</summary>
/// <param name="Samples">The number of samples k.</param>
/// <param name="CustomInstruction">The samples' instruction; null for chain-of-thought's default.</param>
/// <param name="Label">The name on the leaderboard; null for "self-consistency@k".</param>
public sealed record SelfConsistencyStrategy(int Samples = 5, string? CustomInstruction = null, string? Label = null) : IInstructedStrategy
{
    /// <inheritdoc />
    public string Name => Label ?? $"self-consistency@{Samples}";

    /// <inheritdoc />
    public string Instruction => CustomInstruction ?? SolveDecision.DefaultInstruction(SolveStyle.ChainOfThought);

    /// <inheritdoc />
    public IInstructedStrategy WithInstruction(string instruction) => this with { CustomInstruction = instruction, Label = Name };

    /// <inheritdoc />
    public async Task<string?> SolveAsync(ArenaTask task, ArenaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        var decisions = Enumerable.Range(0, Samples).Select(i => new SolveDecision(Name, task.Question, SolveStyle.ChainOfThought, [], i, CustomInstruction)).ToList();
        var replies = await context.Tally.AskAsync(context.Mind, decisions, cancellationToken).ConfigureAwait(false);
        return MajorityVote.Of(decisions.Select((d, i) => replies[i] is { } r && d.TryParse(r, out var a) ? a : null));
    }
}
