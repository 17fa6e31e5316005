namespace Agents.Metrics;

/// <summary>How a fact spread: the share of agents whose memory holds it, hour by hour, and who holds it.</summary>
/// <param name="Name">The metric's name.</param>
/// <param name="Fact">The fact.</param>
/// <param name="Agents">Agents in the run.</param>
/// <param name="Series">Share of agents holding the fact, hourly.</param>
/// <param name="Holders">The holders at the end, earliest first.</param>
public sealed record DiffusionMetric(string Name, string Fact, int Agents, IReadOnlyList<SeriesPoint> Series, IReadOnlyList<FactHolder> Holders)
{
    /// <summary>Share of agents holding the fact at the start.</summary>
    public double Initial => Series.Count > 0 ? Series[0].Value : 0;

    /// <summary>Share of agents holding the fact at the end.</summary>
    public double Final => Series.Count > 0 ? Series[^1].Value : 0;
}
