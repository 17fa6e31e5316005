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
    private readonly LastSection _last = new();

    /// <inheritdoc />
    public PanelSection? Build(TownFrame frame, AgentFrame agent)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(agent);
        return _last.GetOrBuild(agent.Name, frame.Time, () => Ranking(agent.Name, frame.Time));
    }

    private PanelSection? Ranking(string agent, DateTime time)
    {
        if (!bank.TryGetStream(agent, out var stream))
        {
            return null;
        }

        var ranked = stream.Rank([], time, RetrievalSettings.Default, max);
        return new PanelSection(
            "Retrieval now: total (recency, importance, relevance)",
            ranked.Count == 0
                ? [new PanelLine("(nothing to retrieve yet)")]
                : [.. ranked.Select(r => new PanelLine(string.Create(CultureInfo.InvariantCulture, $"{r.Total:F2} ({r.Recency:F2}, {r.Importance:F2}, {r.Relevance:F2}) {r.Memory.Text}")))]);
    }
}
