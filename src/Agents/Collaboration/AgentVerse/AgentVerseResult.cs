namespace Agents.Collaboration.AgentVerse;

/// <summary>The outcome of an AgentVerse run.</summary>
/// <param name="Solution">The last solution.</param>
/// <param name="Success">True when an evaluation reached the success score and its execution found no fault.</param>
/// <param name="Turns">Turns held.</param>
/// <param name="Experts">The experts of each turn.</param>
/// <param name="Evaluations">The evaluation of each turn.</param>
/// <param name="Transcript">All turns of all stages.</param>
/// <param name="Executions">The execution of each turn (<see cref="ExecutionResult.None"/> without an executor).</param>
public sealed record AgentVerseResult(string Solution, bool Success, int Turns, IReadOnlyList<IReadOnlyList<string>> Experts, IReadOnlyList<Evaluation> Evaluations, Conversation Transcript, IReadOnlyList<ExecutionResult> Executions);
