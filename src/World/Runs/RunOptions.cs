namespace Agents.World.Runs;

/// <summary>How to start a new run.</summary>
/// <param name="Seed">Overrides the scenario's seed.</param>
/// <param name="Duration">How much game time to run (default: the scenario's duration).</param>
/// <param name="Until">Game time to run until (overrides <paramref name="Duration"/>).</param>
/// <param name="Force">Replace an earlier run in the same folder.</param>
public sealed record RunOptions(int? Seed = null, TimeSpan? Duration = null, DateTime? Until = null, bool Force = false);
