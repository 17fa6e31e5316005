namespace Agents.Collaboration;

/// <summary>The moderator's structured verdict after a round of an adversarial debate.</summary>
/// <param name="HasPreference">True when the moderator prefers one side (the debate then stops).</param>
/// <param name="Side">The preferred side, when there is one.</param>
/// <param name="Reason">Why.</param>
/// <param name="Answer">The answer the moderator settles on; empty without a preference.</param>
public sealed record Verdict(bool HasPreference, DebateSide? Side, string Reason, string Answer);
