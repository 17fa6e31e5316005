using Agents.Collaboration;
using Agents.Collaboration.AgentVerse;

namespace Agents.Arena;

/// <summary>
/// AgentVerse task solving (recruit, decide, evaluate, repeat); the answer is the last solution's "Answer: X". On a
/// function spec the team gets the spec's brief and an execution stage that runs its program on the visible example
/// only (the hidden tests stay for grading), and the answer is the last solution as written, code blocks and all.
/// </summary>
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
        if (FunctionSpecTasks.SpecOf(task) is { } spec)
        {
            var run = await team.RunAsync(spec.Brief, new ProgramExecutor([spec.Example]), cancellationToken).ConfigureAwait(false);
            return run.Solution.Trim().Length == 0 ? null : run.Solution;
        }

        var result = await team.RunAsync(task.Question, cancellationToken).ConfigureAwait(false);
        return FinalAnswer.TryExtract(result.Solution, out var answer) ? answer : null;
    }
}
