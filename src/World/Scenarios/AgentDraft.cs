using YamlDotNet.Core;

namespace Agents.World.Scenarios;

/// <summary>An agent as read; null fields could not be read and have been reported.</summary>
internal sealed record AgentDraft(
    string? Name,
    Mark At,
    int? Age,
    IReadOnlyList<string> Traits,
    string Lifestyle,
    string? Home,
    Mark HomeAt,
    int[]? Position,
    Mark PositionAt,
    string Situation,
    IReadOnlyList<string> Memories,
    IReadOnlyList<RoutineDraft> Routine);
