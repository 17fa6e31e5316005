namespace Agents.Tools;

/// <summary>Settings of the ReAct loop.</summary>
/// <param name="MaxSteps">Steps before a forced finish (ReAct used 7 on HotpotQA).</param>
/// <param name="RepeatLimit">Repeated actions tolerated (each answered without calling the tool) before a forced finish.</param>
/// <param name="Agent">The agent's name in prompts and the transcript.</param>
/// <param name="Instruction">The instruction of every step; null for <see cref="ReActStepDecision.DefaultInstruction"/>.</param>
/// <param name="GroundedFinish">Hold a constrained mind's Finish to values of the trace once a tool has answered without an error; off for answers in free words, such as an interview's (<see cref="ReActStepDecision.GroundedFinish"/>).</param>
public sealed record ReActOptions(int MaxSteps = 7, int RepeatLimit = 2, string Agent = "agent", string? Instruction = null, bool GroundedFinish = true);
