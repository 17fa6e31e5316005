namespace Agents.Collaboration.AgentVerse;

/// <summary>Settings of an AgentVerse task-solving run.</summary>
/// <param name="Experts">Experts to recruit (the first is the solver, the rest critics).</param>
/// <param name="MaxTurns">Recruit-decide-execute-evaluate turns at most (AgentVerse: 3).</param>
/// <param name="CriticRounds">Review rounds of the vertical structure at most (AgentVerse: 3).</param>
/// <param name="Structure">Horizontal or vertical decision-making.</param>
/// <param name="SuccessScore">The evaluation score that counts as success (with an execution that found no fault).</param>
/// <param name="Prompts">The roles' instructions; null keeps the built-in ones.</param>
public sealed record AgentVerseOptions(int Experts = 3, int MaxTurns = 3, int CriticRounds = 3, DecisionStructure Structure = DecisionStructure.Vertical, int SuccessScore = 8, AgentVersePrompts? Prompts = null);
