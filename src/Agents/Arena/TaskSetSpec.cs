namespace Agents.Arena;

/// <summary>A task set in an arena: a generator and how many items to draw from it.</summary>
/// <param name="Generator">The generator.</param>
/// <param name="Count">Items to draw.</param>
public sealed record TaskSetSpec(ITaskGenerator Generator, int Count);
