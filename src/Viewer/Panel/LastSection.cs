using Agents.Viewer.Scene;

namespace Agents.Viewer.Panel;

/// <summary>
/// The section built for the last agent and game time asked about. A window redraws the same frame many times a second,
/// and a memory section ranks or walks the agent's whole memory to build it. Drawing thread only.
/// </summary>
internal sealed class LastSection
{
    private (string Agent, DateTime Time, PanelSection? Section)? _last;

    /// <summary>The section built for <paramref name="agent"/> at <paramref name="time"/>, by <paramref name="build"/> unless it was the last one asked for.</summary>
    public PanelSection? GetOrBuild(string agent, DateTime time, Func<PanelSection?> build)
    {
        if (_last is { } last && last.Agent == agent && last.Time == time)
        {
            return last.Section;
        }

        var section = build();
        _last = (agent, time, section);
        return section;
    }
}
