namespace Agents.Collaboration;

/// <summary>The outcome of an adversarial debate.</summary>
/// <param name="Answer">The settled answer; null when neither moderator nor judge gave one that parses.</param>
/// <param name="DecidedBy">"moderator" (adaptive stop) or "judge" (after the last round).</param>
/// <param name="Rounds">Rounds held.</param>
/// <param name="Verdicts">The moderator's verdict of each round.</param>
/// <param name="Transcript">All turns.</param>
public sealed record AdversarialDebateResult(string? Answer, string DecidedBy, int Rounds, IReadOnlyList<Verdict> Verdicts, Conversation Transcript);
