using System.Globalization;
using Agents.Viewer.Frames;
using Agents.Viewer.Scene;
using Agents.World.Simulation;

namespace Agents.Viewer.Panel;

/// <summary>
/// Today's plan as the scenario's routine, with the item in force highlighted. Stands in until cognition writes
/// daily plans; then a plan section from the agent's memory replaces it.
/// </summary>
public sealed class RoutinePlanSection : IAgentPanelSection
{
    /// <inheritdoc />
    public PanelSection? Build(TownFrame frame, AgentFrame agent)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(agent);
        var routine = frame.Scenario.Agents[agent.Index].Routine;
        if (routine.Count == 0)
        {
            return null;
        }

        var (_, current) = Routine.Current(routine, frame.Scenario.Start, frame.Time, frame.Seed, agent.Index);
        var lines = new List<PanelLine>(routine.Count);
        for (var i = 0; i < routine.Count; i++)
        {
            var item = routine[i];
            lines.Add(new PanelLine(string.Create(CultureInfo.InvariantCulture, $"{item.At:HH\\:mm} {item.Activity}"), i == current));
        }

        return new PanelSection("Today's plan", lines);
    }
}
