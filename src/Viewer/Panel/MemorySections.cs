using Agents.Memory;

namespace Agents.Viewer.Panel;

/// <summary>The memory panel sections over one run's memories: recent memories, retrieval now, the reflection tree.</summary>
public static class MemorySections
{
    /// <summary>The three sections reading <paramref name="bank"/>; the bank must not change while they are used.</summary>
    public static IReadOnlyList<IAgentPanelSection> Over(MemoryBank bank) =>
        [new RecentMemoriesSection(bank), new RetrievalSection(bank), new ReflectionSection(bank)];

    /// <summary>The memories of <paramref name="stream"/> made at or before <paramref name="now"/>, oldest first.</summary>
    internal static IEnumerable<MemoryRecord> MadeBy(Agents.Memory.MemoryStream stream, DateTime now) => stream.All.Where(m => m.Created <= now);

    /// <summary>A short tag for a memory kind.</summary>
    internal static string Tag(MemoryKind kind) => kind switch
    {
        MemoryKind.Observation => "saw",
        MemoryKind.Reflection => "thought",
        MemoryKind.Plan => "plan",
        _ => "chat",
    };
}
