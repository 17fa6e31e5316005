namespace Agents.Metrics;

/// <summary>An agent who holds a fact: since when, and the memory that shows where it heard it.</summary>
/// <param name="Agent">The agent.</param>
/// <param name="Since">Game time of its first memory of the fact.</param>
/// <param name="Source">That memory's text (Sam Moore told me: "..."), the provenance.</param>
public sealed record FactHolder(string Agent, DateTime Since, string Source);
