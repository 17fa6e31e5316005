namespace Agents.Collaboration;

/// <summary>A participant of a conversation: a name and the instruction that sets its part.</summary>
/// <param name="Name">The role's unique name within its conversation, e.g. "affirmative".</param>
/// <param name="Instruction">What the role is asked to do; shown to the mind that plays it.</param>
public sealed record ConversationRole(string Name, string Instruction = "");
