namespace Agents.Arena;

/// <summary>One item of a task set, with its ground truth.</summary>
/// <param name="Id">A stable id, e.g. "arithmetic-3".</param>
/// <param name="Kind">The generator's kind, e.g. "arithmetic".</param>
/// <param name="Question">The question as put to a strategy.</param>
/// <param name="Answer">The correct answer, normalised as <see cref="Collaboration.FinalAnswer.Normalize"/> does.</param>
/// <param name="Documents">Documents only the knowledge-base tool reaches, by title; null when the task has none.</param>
public sealed record ArenaTask(string Id, string Kind, string Question, string Answer, IReadOnlyDictionary<string, string>? Documents = null);
