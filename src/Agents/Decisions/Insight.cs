namespace Agents.Decisions;

/// <summary>A high-level insight with the (1-based) numbers of the memories shown that support it.</summary>
/// <param name="Text">The insight.</param>
/// <param name="Evidence">Numbers of the supporting memories, as shown in the prompt.</param>
public sealed record Insight(string Text, IReadOnlyList<int> Evidence);
