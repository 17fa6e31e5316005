using Agents.Collaboration;
using Agents.Collaboration.AgentVerse;

namespace Agents.Arena;

/// <summary>AgentVerse task solving (recruit, decide, evaluate, repeat); the answer is the last solution's "Answer: X".</summary>
/// <param name="Experts">Experts recruited per turn.</param>
/// <param name="Structure">Horizontal or vertical decision-making.</param>
public sealed record AgentVerseStrategy(int Experts = 3, DecisionStructure Structure = DecisionStructure.Vertical) : IArenaStrategy
{
    /// <inheritdoc />
    public string Name => $"agentverse {(Structure == DecisionStructure.Vertical ? "vertical" : "horizontal")}";

    /// <inheritdoc />
    public async Task<string?> SolveAsync(ArenaTask task, ArenaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        var team = new AgentVerseTeam(context.Mind, new AgentVerseOptions(Experts, Structure: Structure), context.Tally);
        var result = await team.RunAsync(task.Question, cancellationToken).ConfigureAwait(false);
        return FinalAnswer.TryExtract(result.Solution, out var answer) ? answer : null;
    }
}
