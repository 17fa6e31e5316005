namespace Agents.Metrics;

/// <summary>A value of a metric at a game time.</summary>
/// <param name="Time">Game time.</param>
/// <param name="Value">The value (a share in [0, 1] for diffusion and density).</param>
public sealed record SeriesPoint(DateTime Time, double Value);
