using Agents.Viewer.Frames;
using Agents.Viewer.Scene;

namespace Agents.Viewer.Panel;

/// <summary>
/// One section of the selected agent's side panel. Cognition adds its own (plans, memories with retrieval scores,
/// the reflection tree) by implementing this and handing it to <see cref="SceneComposer"/>.
/// Implementations are called on the drawing thread and must not block.
/// </summary>
public interface IAgentPanelSection
{
    /// <summary>The section for <paramref name="agent"/> at <paramref name="frame"/>, or null to show nothing.</summary>
    PanelSection? Build(TownFrame frame, AgentFrame agent);
}
