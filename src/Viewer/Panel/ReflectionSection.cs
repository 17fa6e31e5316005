using Agents.Memory;
using Agents.Memory.Reflection;
using Agents.Viewer.Frames;
using Agents.Viewer.Scene;

namespace Agents.Viewer.Panel;

/// <summary>
/// The agent's reflection tree as of the frame's time: each reflection over the memories it cites, indented by level.
/// Caches the last frame it built.
/// </summary>
/// <param name="bank">The run's memories; not changed.</param>
/// <param name="max">The most lines to show.</param>
public sealed class ReflectionSection(MemoryBank bank, int max = 8) : IAgentPanelSection
{
    private readonly LastSection _last = new();

    /// <inheritdoc />
    public PanelSection? Build(TownFrame frame, AgentFrame agent)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(agent);
        return _last.GetOrBuild(agent.Name, frame.Time, () => Tree(agent.Name, frame.Time));
    }

    private PanelSection? Tree(string agent, DateTime time)
    {
        if (!bank.TryGetStream(agent, out var stream))
        {
            return null;
        }

        var made = MemorySections.MadeBy(stream, time).ToList();
        if (!made.Any(m => m.Kind == MemoryKind.Reflection))
        {
            return new PanelSection("Reflections", [new PanelLine("(none yet)")]);
        }

        var lines = new ReflectionTree(made).Walk()
            .Where(l => l.Level > 0 || l.Memory.Kind == MemoryKind.Reflection)
            .Take(max)
            .Select(l => new PanelLine($"{new string(' ', 2 * l.Level)}{(l.Level == 0 ? "◆ " : "· ")}{l.Memory.Text}"))
            .ToList();
        return new PanelSection("Reflections", lines);
    }
}
