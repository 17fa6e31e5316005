using Agents.World.Scenarios;

namespace Agents.Viewer.Frames;

/// <summary>
/// The state of a town at one step, immutable: what a replay rebuilds from a run folder and what a live simulation
/// publishes after each step. <see cref="Scene.SceneComposer"/> turns it into a frame to draw.
/// </summary>
/// <param name="Scenario">The scenario (map, agents' personas and routines).</param>
/// <param name="Seed">The run's seed (routine start times vary with it).</param>
/// <param name="Step">The step: the state after steps 0 .. Step-1 ran.</param>
/// <param name="Time">Game time of <paramref name="Step"/>.</param>
/// <param name="Agents">Every agent, in scenario order.</param>
/// <param name="ObjectStates">The state of each object by address; objects not listed are in their initial state.</param>
public sealed record TownFrame(
    Scenario Scenario,
    int Seed,
    long Step,
    DateTime Time,
    IReadOnlyList<AgentFrame> Agents,
    IReadOnlyDictionary<string, string> ObjectStates)
{
    /// <summary>The agent with that name, or null.</summary>
    public AgentFrame? FindAgent(string? name) =>
        name is null ? null : Agents.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
}
