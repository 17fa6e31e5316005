namespace Agents.World.Scenarios;

/// <summary>A scenario file as read, before its map is built and its references are checked.</summary>
internal sealed record ScenarioDraft(
    string? Name,
    int Seed,
    DateTime? Start,
    TimeSpan Step,
    TimeSpan Duration,
    int SnapshotEvery,
    MapDraft? Map,
    bool HasPlaces,
    IReadOnlyList<SectorDraft> Sectors,
    IReadOnlyList<AgentDraft> Agents,
    MindSpec? Mind,
    MemorySpec Memory,
    (int VisionRadius, int Attention, int Retention) Perception,
    IReadOnlyList<MetricDraft> Metrics,
    IReadOnlyList<string> ReferencedFiles);
