namespace Agents.Collaboration.AgentVerse;

/// <summary>The instruction line of each AgentVerse role's prompt; null keeps the built-in one.</summary>
/// <param name="Recruiter">What the recruiter is asked.</param>
/// <param name="Solver">What the solver is asked.</param>
/// <param name="Critic">What a critic is asked.</param>
/// <param name="Evaluator">What the evaluator is asked.</param>
public sealed record AgentVersePrompts(string? Recruiter = null, string? Solver = null, string? Critic = null, string? Evaluator = null);
