namespace Agents.Tools;

/// <summary>One parsed ReAct step: the thought and the action.</summary>
/// <param name="Thought">The reasoning before the action (may be empty).</param>
/// <param name="Action">The parsed action.</param>
public sealed record ReActStep(string Thought, ToolAction Action);
