namespace Agents.Collaboration;

/// <summary>The outcome of a collaborative debate.</summary>
/// <param name="Answer">The majority of the parsed final answers; null when none parsed.</param>
/// <param name="FinalAnswers">Each agent's parsed final answer, null where unparseable (counted wrong).</param>
/// <param name="AnswersByRound">Every agent's parsed answer per round.</param>
/// <param name="Transcript">All turns.</param>
public sealed record DebateResult(string? Answer, IReadOnlyList<string?> FinalAnswers, IReadOnlyList<IReadOnlyList<string?>> AnswersByRound, Conversation Transcript);
