using Agents.Collaboration;
using Agents.Tools;

namespace Agents.Arena;

/// <summary>ReAct with the calculator and, when the task has documents, a knowledge base over them.</summary>
/// <param name="MaxSteps">The step limit.</param>
public sealed record ReActStrategy(int MaxSteps = 7) : IArenaStrategy
{
    /// <inheritdoc />
    public string Name => "react+tools";

    /// <inheritdoc />
    public async Task<string?> SolveAsync(ArenaTask task, ArenaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(context);
        var tools = task.Documents is { } documents
            ? ToolBox.FromPlugins(new CalculatorPlugin(), new KnowledgeBasePlugin(documents))
            : ToolBox.FromPlugins(new CalculatorPlugin());
        var agent = new ReActAgent(context.Mind, tools, new ReActOptions(MaxSteps, Agent: Name), context.Tally);
        var result = await agent.RunAsync(task.Question, cancellationToken).ConfigureAwait(false);
        var answer = FinalAnswer.Normalize(result.Answer);
        return answer.Length == 0 ? null : answer;
    }
}
