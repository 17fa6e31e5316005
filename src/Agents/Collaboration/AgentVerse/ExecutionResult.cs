namespace Agents.Collaboration.AgentVerse;

/// <summary>What executing a solution showed.</summary>
/// <param name="Passed">True when the execution found the solution right, false when it found a fault, null when there was nothing to check.</param>
/// <param name="Report">The executor's report, e.g. the test run or the arithmetic checked.</param>
public sealed record ExecutionResult(bool? Passed, string Report)
{
    /// <summary>The result of a turn without an executor.</summary>
    public static ExecutionResult None { get; } = new(null, "(not executed)");
}
