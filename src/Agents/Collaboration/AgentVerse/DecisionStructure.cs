namespace Agents.Collaboration.AgentVerse;

/// <summary>How the recruited experts reach a decision.</summary>
public enum DecisionStructure
{
    /// <summary>Each critic speaks in turn, seeing the discussion; then the solver writes the solution.</summary>
    Horizontal,

    /// <summary>The solver drafts; critics review it (one batch) until all agree or the critic rounds run out.</summary>
    Vertical,
}
