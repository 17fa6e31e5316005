namespace Agents.Arena;

/// <summary>One item of a task set, with its ground truth (or none, for items a judge compares side by side).</summary>
/// <param name="Id">A stable id, e.g. "arithmetic-3".</param>
/// <param name="Kind">The generator's kind, e.g. "arithmetic".</param>
/// <param name="Question">The question as put to a strategy.</param>
/// <param name="Answer">The correct answer, normalised as <see cref="Collaboration.FinalAnswer.Normalize"/> does (one correct answer when a grader accepts several; a reference answer for judged items).</param>
/// <param name="Documents">Documents only the knowledge-base tool reaches, by title; null when the task has none.</param>
/// <param name="Grader">Decides correctness when several answers are correct (the 24 game); null to compare with <paramref name="Answer"/>.</param>
/// <param name="Judged">True for open-ended items without ground truth: a judge compares answers side by side in both orders.</param>
public sealed record ArenaTask(
    string Id,
    string Kind,
    string Question,
    string Answer,
    IReadOnlyDictionary<string, string>? Documents = null,
    IAnswerGrader? Grader = null,
    bool Judged = false)
{
    /// <summary>True when <paramref name="answer"/> (normalised) is correct; always false for judged items.</summary>
    public bool IsCorrect(string? answer) =>
        !Judged && answer is not null && (Grader?.IsCorrect(answer) ?? string.Equals(answer, Collaboration.FinalAnswer.Normalize(Answer), StringComparison.Ordinal));
}
