using Agents.Viewer.Frames;
using Agents.Viewer.Scene;

namespace Agents.Viewer.Panel;

/// <summary>What the agent perceived lately, newest first, from the event log (or the live step events).</summary>
/// <param name="max">The most lines to show.</param>
public sealed class PerceivedSection(int max = 6) : IAgentPanelSection
{
    /// <inheritdoc />
    public PanelSection? Build(TownFrame frame, AgentFrame agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return agent.Perceived.Count == 0
            ? new PanelSection("Perceived", [new PanelLine("(nothing lately)")])
            : new PanelSection("Perceived", [.. agent.Perceived.Take(max).Select(p => new PanelLine(p))]);
    }
}
