namespace Agents.Collaboration.AgentVerse;

/// <summary>What AgentVerse's execution stage does with a solution.</summary>
public enum ExecutionKind
{
    /// <summary>Nothing: the solution text is the outcome.</summary>
    None,

    /// <summary>Recheck every "expression = value" step (<see cref="ArithmeticChecker"/>).</summary>
    Arithmetic,

    /// <summary>Run the solution's Mini program on test cases (<see cref="ProgramExecutor"/>).</summary>
    Program,
}
