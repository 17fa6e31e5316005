namespace Agents.Viewer.Scene;

/// <summary>The side panel of the selected agent.</summary>
/// <param name="Name">The agent's name, the panel's heading.</param>
/// <param name="Index">The agent's index, for its colour.</param>
/// <param name="Sections">The sections, top to bottom; what does not fit is cut at the bottom.</param>
public sealed record AgentPanel(string Name, int Index, IReadOnlyList<PanelSection> Sections);
