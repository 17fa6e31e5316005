using Agents.Runtime.Tokenization;

namespace Agents.Runtime.Training;

/// <summary>One preference: a prompt (the conversation so far), the reply to prefer and the reply to avoid.</summary>
/// <param name="Prompt">The messages before the reply; the last one is not the assistant's.</param>
/// <param name="Chosen">The preferred assistant reply.</param>
/// <param name="Rejected">The dispreferred assistant reply; differs from <paramref name="Chosen"/>.</param>
public sealed record PreferencePair(IReadOnlyList<ChatMessage> Prompt, string Chosen, string Rejected);
