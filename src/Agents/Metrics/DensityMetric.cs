namespace Agents.Metrics;

/// <summary>
/// Relationship density 2|E| / (|V|(|V|-1)) as the paper defines it; an edge joins two agents when either has a
/// memory naming the other other than a mere sighting (a seed memory, a conversation, a reflection or a plan).
/// </summary>
/// <param name="Series">Density hour by hour.</param>
/// <param name="Edges">Edges at the end.</param>
public sealed record DensityMetric(IReadOnlyList<SeriesPoint> Series, int Edges)
{
    /// <summary>Density at the start (seed memories only).</summary>
    public double Initial => Series.Count > 0 ? Series[0].Value : 0;

    /// <summary>Density at the end.</summary>
    public double Final => Series.Count > 0 ? Series[^1].Value : 0;
}
