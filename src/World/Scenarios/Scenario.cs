using Agents.World.Map;
using Agents.World.Perception;

namespace Agents.World.Scenarios;

/// <summary>
/// A validated scenario: the town, its agents and the settings of a run. Made by <see cref="ScenarioLoader"/>;
/// immutable and safe to share between threads. See scenarios/README.md for the YAML format.
/// </summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="Seed">The seed of every random choice of a run (YAML <c>seed</c>, default 0).</param>
/// <param name="Start">Game time at the first step (YAML <c>start</c>).</param>
/// <param name="Step">Game time per step (YAML <c>step</c>, default 10 s).</param>
/// <param name="Duration">How much game time a run covers unless told otherwise (YAML <c>duration</c>, default 1 day).</param>
/// <param name="SnapshotEvery">Steps between snapshots (YAML <c>snapshot_every</c>, default 360).</param>
/// <param name="Map">The tile map with its places.</param>
/// <param name="Agents">The agents, in file order.</param>
/// <param name="Mind">What drives the agents' decisions.</param>
/// <param name="Memory">Memory and retrieval constants.</param>
/// <param name="Perception">Vision radius, attention and retention.</param>
/// <param name="Metrics">The metrics a run reports.</param>
/// <param name="SourcePath">The scenario file's path as given to the loader.</param>
/// <param name="SourceText">The scenario file's text, for copying into a run folder.</param>
/// <param name="ReferencedFiles">Paths of the files the scenario reads (grid or Tiled map), resolved against the scenario's folder.</param>
public sealed record Scenario(
    string Name,
    int Seed,
    DateTime Start,
    TimeSpan Step,
    TimeSpan Duration,
    int SnapshotEvery,
    TileMap Map,
    IReadOnlyList<AgentSpec> Agents,
    MindSpec Mind,
    MemorySpec Memory,
    PerceptionSettings Perception,
    IReadOnlyList<MetricSpec> Metrics,
    string SourcePath,
    string SourceText,
    IReadOnlyList<string> ReferencedFiles)
{
    /// <summary>Game time at the end of <see cref="Duration"/>.</summary>
    public DateTime End => Start + Duration;

    /// <summary>The number of steps <see cref="Duration"/> covers (rounded up).</summary>
    public long TotalSteps => (Duration.Ticks + Step.Ticks - 1) / Step.Ticks;

    /// <summary>The agent with the given name, or null.</summary>
    public AgentSpec? FindAgent(string name) => Agents.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
}
