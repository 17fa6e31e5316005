namespace Agents.Collaboration.AgentVerse;

/// <summary>The outcome of an AgentVerse run.</summary>
/// <param name="Solution">The last solution.</param>
/// <param name="Success">True when an evaluation reached the success score.</param>
/// <param name="Turns">Turns held.</param>
/// <param name="Experts">The experts of each turn.</param>
/// <param name="Evaluations">The evaluation of each turn.</param>
/// <param name="Transcript">All turns of all stages.</param>
public sealed record AgentVerseResult(string Solution, bool Success, int Turns, IReadOnlyList<IReadOnlyList<string>> Experts, IReadOnlyList<Evaluation> Evaluations, Conversation Transcript);
