using Agents.Collaboration;

namespace Agents.Tools;

/// <summary>The outcome of one ReAct episode.</summary>
/// <param name="Answer">The final answer (empty when even the forced finish gave none).</param>
/// <param name="Forced">True when the loop had to force the finish (step limit or a loop of repeats).</param>
/// <param name="Steps">Steps taken, the finishing one included.</param>
/// <param name="InvalidActions">Actions answered with "Invalid action: ...".</param>
/// <param name="RepeatedActions">Actions detected as repeats.</param>
/// <param name="Transcript">The numbered Thought / Action / Observation turns.</param>
public sealed record ReActResult(string Answer, bool Forced, int Steps, int InvalidActions, int RepeatedActions, Conversation Transcript);
