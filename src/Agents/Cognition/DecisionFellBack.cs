using MessagePack;

namespace Agents.Cognition;

/// <summary>Payload of <see cref="CognitionEvents.DecisionFallback"/>.</summary>
/// <param name="Decision">The decision type.</param>
/// <param name="Reply">The reply that could not be parsed (shortened), or empty when there was none.</param>
[MessagePackObject]
public sealed record DecisionFellBack([property: Key(0)] string Decision, [property: Key(1)] string Reply);
