namespace Agents.Arena;

/// <summary>One call in a style: direct, few-shot or chain-of-thought.</summary>
/// <param name="Style">The style.</param>
/// <param name="CustomInstruction">The instruction; null for the style's default.</param>
/// <param name="Label">The name on the leaderboard; null for the style's name.</param>
public sealed record PromptStrategy(SolveStyle Style, string? CustomInstruction = null, string? Label = null) : IInstructedStrategy
{
    /// <inheritdoc />
    public string Name => Label ?? Style switch { SolveStyle.ChainOfThought => "chain-of-thought", SolveStyle.FewShot => "few-shot", _ => "direct" };

    /// <inheritdoc />
    public string Instruction => CustomInstruction ?? SolveDecision.DefaultInstruction(Style);

    /// <inheritdoc />
    public IInstructedStrategy WithInstruction(string instruction) => this with { CustomInstruction = instruction, Label = Name };

    /// <inheritdoc />
    public async Task<string?> SolveAsync(ArenaTask task, ArenaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        var examples = Style == SolveStyle.FewShot && context.Examples.TryGetValue(task.Kind, out var e) ? e : [];
        var decision = new SolveDecision(Name, task.Question, Style, examples, Instruction: CustomInstruction);
        var reply = await context.Tally.AskAsync(context.Mind, decision, cancellationToken).ConfigureAwait(false);
        return reply is not null && decision.TryParse(reply, out var answer) ? answer : null;
    }
}
