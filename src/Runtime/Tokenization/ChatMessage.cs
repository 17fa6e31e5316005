namespace Agents.Runtime.Tokenization;

/// <summary>One message of a conversation.</summary>
/// <param name="Role">"system", "user" or "assistant".</param>
/// <param name="Content">The text of the message.</param>
public sealed record ChatMessage(string Role, string Content);
