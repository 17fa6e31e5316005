using MessagePack;

namespace Agents.Cognition;

/// <summary>A memory waiting for its importance rating, stored when the rating comes back.</summary>
[MessagePackObject]
internal sealed class PendingMemory
{
    [Key(0)] public int Kind { get; set; }
    [Key(1)] public string Text { get; set; } = string.Empty;
    [Key(2)] public string? Subject { get; set; }
    [Key(3)] public string? Predicate { get; set; }
    [Key(4)] public string? Object { get; set; }
    [Key(5)] public long[] Evidence { get; set; } = [];
}
