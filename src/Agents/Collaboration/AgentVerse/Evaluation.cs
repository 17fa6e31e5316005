namespace Agents.Collaboration.AgentVerse;

/// <summary>The evaluator's judgement of a solution.</summary>
/// <param name="Score">0 (wrong) to 10 (certainly right).</param>
/// <param name="Advice">How to do better next turn.</param>
public sealed record Evaluation(int Score, string Advice);
