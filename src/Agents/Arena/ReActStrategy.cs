using Agents.Collaboration;
using Agents.Tools;

namespace Agents.Arena;

/// <summary>ReAct with the calculator and, when the task has documents, a knowledge base over them.</summary>
/// <param name="MaxSteps">The step limit.</param>
/// <param name="CustomInstruction">The instruction of every step; null for <see cref="ReActStepDecision.DefaultInstruction"/>.</param>
/// <param name="Label">The name on the leaderboard; null for "react+tools" ("react+tools, free finish" when not grounded).</param>
/// <param name="GroundedFinish">Hold a constrained mind's Finish to values of the trace (<see cref="ReActOptions.GroundedFinish"/>).</param>
public sealed record ReActStrategy(int MaxSteps = 7, string? CustomInstruction = null, string? Label = null, bool GroundedFinish = true) : IInstructedStrategy
{
    /// <inheritdoc />
    public string Name => Label ?? (GroundedFinish ? "react+tools" : "react+tools, free finish");

    /// <inheritdoc />
    public string Instruction => CustomInstruction ?? ReActStepDecision.DefaultInstruction;

    /// <inheritdoc />
    public IInstructedStrategy WithInstruction(string instruction) => this with { CustomInstruction = instruction };

    /// <summary>The tools an item gets: the calculator, and a knowledge base over the item's documents when it has any.</summary>
    public static ToolBox ToolsFor(ArenaTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Documents is { } documents
            ? ToolBox.FromPlugins(new CalculatorPlugin(), new KnowledgeBasePlugin(documents))
            : ToolBox.FromPlugins(new CalculatorPlugin());
    }

    /// <inheritdoc />
    public async Task<string?> SolveAsync(ArenaTask task, ArenaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        var agent = new ReActAgent(context.Mind, ToolsFor(task), new ReActOptions(MaxSteps, Agent: Label ?? "react+tools", Instruction: CustomInstruction, GroundedFinish: GroundedFinish), context.Tally);
        var result = await agent.RunAsync(task.Question, cancellationToken).ConfigureAwait(false);
        var answer = FinalAnswer.Normalize(result.Answer);
        return answer.Length == 0 ? null : answer;
    }
}
