using MessagePack;

namespace Agents.World.Components;

/// <summary>
/// The subject-predicate-object triples an agent stored most recently (newest last), so perception can skip what it
/// already knows (the design's retention). Cognition keeps this in the memory stream instead.
/// </summary>
[MessagePackObject]
public struct PerceptionMemory
{
    /// <summary>Triples as "subject|predicate|object", oldest first, at most the retention count.</summary>
    [Key(0)]
    public string[] Recent;
}
