namespace Agents.Collaboration.AgentVerse;

/// <summary>
/// AgentVerse's execution stage: carries out a solution (runs a program's tests, checks arithmetic) and reports what
/// happened, for the evaluator and the next turn. Implementations are immutable and thread-safe.
/// </summary>
public interface ISolutionExecutor
{
    /// <summary>The executor's name in transcripts and configuration, e.g. "program".</summary>
    string Name { get; }

    /// <summary>Executes <paramref name="solution"/> of <paramref name="task"/>.</summary>
    ExecutionResult Execute(string task, string solution);
}
