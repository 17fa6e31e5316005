namespace Agents.Decisions;

/// <summary>What an agent keeps from a conversation: a summary (what was said) and a memo (what it means for its plans).</summary>
/// <param name="Summary">What was talked about, with the facts heard.</param>
/// <param name="Memo">A planning thought: what the agent will do about it.</param>
public sealed record ConversationSummary(string Summary, string Memo);
