using MessagePack;

namespace Agents.Cognition;

/// <summary>Payload of <see cref="CognitionEvents.Reflect"/>.</summary>
/// <param name="Insight">The insight stored.</param>
/// <param name="Evidence">Ids of the memories it cites.</param>
[MessagePackObject]
public sealed record Reflected([property: Key(0)] string Insight, [property: Key(1)] long[] Evidence);
