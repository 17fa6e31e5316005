using Agents.Collaboration.Programs;

namespace Agents.Collaboration.AgentVerse;

/// <summary>
/// Executes a solution that holds a Mini program (code blocks, or the text after "Answer:") by running it on test
/// cases in the built-in runner. Immutable and thread-safe.
/// </summary>
public sealed class ProgramExecutor : ISolutionExecutor
{
    private readonly MiniTester _tester;

    /// <summary>Creates an executor that runs <paramref name="tests"/>, each within <paramref name="limits"/>.</summary>
    public ProgramExecutor(IReadOnlyList<MiniTestCase> tests, MiniLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(tests);
        _tester = new MiniTester(tests, limits);
    }

    /// <inheritdoc />
    public string Name => "program";

    /// <inheritdoc />
    public ExecutionResult Execute(string task, string solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        var files = CodeBlocks.Extract(solution);
        if (files.Count == 0)
        {
            files = new Dictionary<string, string>(StringComparer.Ordinal) { [MiniLanguage.DefaultFile] = CodeBlocks.ProgramText(solution) };
        }

        var report = _tester.Test(files);
        return new ExecutionResult(report.AllPassed, report.Text);
    }
}
