namespace Agents.Decisions;

/// <summary>One utterance, and whether the speaker ends the conversation with it.</summary>
/// <param name="Utterance">What the speaker says.</param>
/// <param name="End">True when the conversation ends here.</param>
public sealed record ConversationTurn(string Utterance, bool End);
