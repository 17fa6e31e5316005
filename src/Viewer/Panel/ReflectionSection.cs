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
            var made = MemorySections.MadeBy(stream, frame.Time).ToList();
            if (made.Any(m => m.Kind == MemoryKind.Reflection))
            {
                var lines = new ReflectionTree(made).Walk()
                    .Where(l => l.Level > 0 || l.Memory.Kind == MemoryKind.Reflection)
                    .Take(max)
                    .Select(l => new PanelLine($"{new string(' ', 2 * l.Level)}{(l.Level == 0 ? "◆ " : "· ")}{l.Memory.Text}"))
                    .ToList();
                section = new PanelSection("Reflections", lines);
            }
            else
            {
                section = new PanelSection("Reflections", [new PanelLine("(none yet)")]);
            }
        }

        _last = (agent.Name, frame.Time, section);
        return section;
    }
}
