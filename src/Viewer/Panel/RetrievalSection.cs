using System.Globalization;
using Agents.Memory;
using Agents.Memory.Retrieval;
using Agents.Viewer.Frames;
using Agents.Viewer.Scene;

namespace Agents.Viewer.Panel;

/// <summary>
/// What retrieval ranks first for the agent at the frame's time, with the three normalised scores (recency,
/// importance, relevance) and the total. Runs do not log the queries their agents asked, so this ranks without a
/// query (relevance ties at 0.5); it reads, it never marks memories accessed. Caches the last frame it ranked.
/// </summary>
/// <param name="bank">The run's memories; not changed.</param>
/// <param name="max">The most memories to show.</param>
public sealed class RetrievalSection(MemoryBank bank, int max = 3) : IAgentPanelSection
{
    private (string Agent, DateTime Time, PanelSection? Section) _last;

    /// <inheritdoc />
    public PanelSection? Build(TownFrame frame, AgentFrame agent)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(agent);
        if (_last.Agent == agent.Name && _last.Time == frame.Time)
        {
            return _last.Section;
        }

        PanelSection? section = null;
        if (bank.TryGetStream(agent.Name, out var stream))
        {
            var ranked = stream.Rank([], frame.Time, RetrievalSettings.Default, max);
            section = new PanelSection(
                "Retrieval now: total (recency, importance, relevance)",
                ranked.Count == 0
                    ? [new PanelLine("(nothing to retrieve yet)")]
                    : [.. ranked.Select(r => new PanelLine(string.Create(CultureInfo.InvariantCulture, $"{r.Total:F2} ({r.Recency:F2}, {r.Importance:F2}, {r.Relevance:F2}) {r.Memory.Text}")))]);
        }

        _last = (agent.Name, frame.Time, section);
        return section;
    }
}
