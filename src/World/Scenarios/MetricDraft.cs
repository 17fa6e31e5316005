using YamlDotNet.Core;

namespace Agents.World.Scenarios;

/// <summary>A metric as read; agent names keep their positions so unknown names can be reported.</summary>
internal sealed record MetricDraft(
    string Kind,
    string Name,
    string? Fact,
    IReadOnlyList<string> Keywords,
    string? Place,
    Mark PlaceAt,
    DateTime? From,
    DateTime? To,
    IReadOnlyList<(string Name, Mark At)> Agents);
