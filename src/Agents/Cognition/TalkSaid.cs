using MessagePack;

namespace Agents.Cognition;

/// <summary>Payload of <see cref="CognitionEvents.Talk"/>.</summary>
/// <param name="Partner">The listener's name.</param>
/// <param name="Utterance">What was said.</param>
/// <param name="End">True when the speaker ended the conversation.</param>
[MessagePackObject]
public sealed record TalkSaid([property: Key(0)] string Partner, [property: Key(1)] string Utterance, [property: Key(2)] bool End);
