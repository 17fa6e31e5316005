using System.Globalization;
using Agents.Memory;
using Agents.Viewer.Frames;
using Agents.Viewer.Scene;

namespace Agents.Viewer.Panel;

/// <summary>The agent's latest memories made by the frame's time, newest first, with their importance.</summary>
/// <param name="bank">The run's memories; not changed.</param>
/// <param name="max">The most lines to show.</param>
public sealed class RecentMemoriesSection(MemoryBank bank, int max = 5) : IAgentPanelSection
{
    /// <inheritdoc />
    public PanelSection? Build(TownFrame frame, AgentFrame agent)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(agent);
        if (!bank.TryGetStream(agent.Name, out var stream))
        {
            return new PanelSection("Memories", [new PanelLine("(none in this run)")]);
        }

        var lines = MemorySections.MadeBy(stream, frame.Time)
            .Reverse()
            .Take(max)
            .Select(m => new PanelLine(string.Create(CultureInfo.InvariantCulture, $"{m.Created:HH:mm} {MemorySections.Tag(m.Kind)} ({m.Importance}) {m.Text}")))
            .ToList();
        return new PanelSection("Memories", lines.Count > 0 ? lines : [new PanelLine("(none yet)")]);
    }
}
