namespace Agents.Arena;

/// <summary>One call in a style: direct, few-shot or chain-of-thought.</summary>
/// <param name="Style">The style.</param>
public sealed record PromptStrategy(SolveStyle Style) : IArenaStrategy
{
    /// <inheritdoc />
    public string Name => Style switch { SolveStyle.ChainOfThought => "chain-of-thought", SolveStyle.FewShot => "few-shot", _ => "direct" };

    /// <inheritdoc />
    public async Task<string?> SolveAsync(ArenaTask task, ArenaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        var examples = Style == SolveStyle.FewShot && context.Examples.TryGetValue(task.Kind, out var e) ? e : [];
        var decision = new SolveDecision(Name, task.Question, Style, examples);
        var reply = await context.Tally.AskAsync(context.Mind, decision, cancellationToken).ConfigureAwait(false);
        return reply is not null && decision.TryParse(reply, out var answer) ? answer : null;
    }
}
