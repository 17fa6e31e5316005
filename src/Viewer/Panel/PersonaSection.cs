using System.Globalization;
using Agents.Viewer.Frames;
using Agents.Viewer.Scene;

namespace Agents.Viewer.Panel;

/// <summary>The persona from the scenario: age, traits, lifestyle, home and current situation.</summary>
public sealed class PersonaSection : IAgentPanelSection
{
    /// <inheritdoc />
    public PanelSection? Build(TownFrame frame, AgentFrame agent)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(agent);
        var spec = frame.Scenario.Agents[agent.Index];
        var lines = new List<PanelLine>
        {
            new(string.Create(CultureInfo.InvariantCulture, $"{spec.Age} years; {string.Join(", ", spec.Traits)}")),
        };
        if (spec.Lifestyle.Length > 0)
        {
            lines.Add(new PanelLine(spec.Lifestyle));
        }

        lines.Add(new PanelLine($"Home: {spec.Home}"));
        if (spec.Situation.Length > 0)
        {
            lines.Add(new PanelLine(spec.Situation));
        }

        return new PanelSection("Persona", lines);
    }
}
