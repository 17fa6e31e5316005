using Agents.Viewer.Frames;
using Agents.Viewer.Scene;

namespace Agents.Viewer.Panel;

/// <summary>What the agent does now, where, and where it walks.</summary>
public sealed class ActivitySection : IAgentPanelSection
{
    /// <inheritdoc />
    public PanelSection? Build(TownFrame frame, AgentFrame agent)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(agent);
        var lines = new List<PanelLine>
        {
            new(agent.Activity.Length > 0 ? agent.Activity : "(nothing yet)"),
        };
        if (agent.Address.Length > 0)
        {
            lines.Add(new PanelLine($"at {agent.Address}"));
        }

        if (agent.IsMoving)
        {
            lines.Add(new PanelLine($"walking to {agent.Destination}"));
        }

        lines.Add(new PanelLine($"tile {agent.Position}"));
        return new PanelSection("Now", lines);
    }
}
