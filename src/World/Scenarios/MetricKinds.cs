namespace Agents.World.Scenarios;

/// <summary>The kinds of metric a scenario can ask a run to report.</summary>
public static class MetricKinds
{
    /// <summary>How many agents know a fact over time (needs <c>fact</c> and <c>keywords</c>).</summary>
    public const string InformationDiffusion = "information_diffusion";

    /// <summary>2|E| / (|V|(|V|-1)), an edge when two agents know each other.</summary>
    public const string RelationshipDensity = "relationship_density";

    /// <summary>Which agents were at a place between two times (needs <c>place</c>, <c>from</c> and <c>to</c>).</summary>
    public const string Attendance = "attendance";

    /// <summary>All kinds, in the order messages list them.</summary>
    public static IReadOnlyList<string> All { get; } = [InformationDiffusion, RelationshipDensity, Attendance];
}
