using Agents.Collaboration.Programs;

namespace Agents.Collaboration.AgentVerse;

/// <summary>An AgentVerse setup as a file gives it: the team's options and the kind of execution.</summary>
/// <param name="Name">The setup's name (the file's name when it gives none).</param>
/// <param name="Options">Experts, structure, turns, critic rounds, success score and prompts.</param>
/// <param name="Execution">What the execution stage does.</param>
public sealed record AgentVerseConfig(string Name, AgentVerseOptions Options, ExecutionKind Execution)
{
    /// <summary>The executor of <see cref="Execution"/>; a program executor runs <paramref name="tests"/>.</summary>
    /// <exception cref="ArgumentException">Program execution without test cases.</exception>
    public ISolutionExecutor? CreateExecutor(IReadOnlyList<MiniTestCase>? tests = null) => Execution switch
    {
        ExecutionKind.Arithmetic => new ArithmeticChecker(),
        ExecutionKind.Program => new ProgramExecutor(tests ?? throw new ArgumentException("Program execution needs test cases.", nameof(tests))),
        _ => null,
    };
}
