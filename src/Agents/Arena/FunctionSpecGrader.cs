namespace Agents.Arena;

/// <summary>
/// Grades an answer to a function spec by running it: correct when the program in it (code blocks, the text after
/// "Answer:", or the whole answer, as the arena's normalised one-line form) passes every hidden test in the Mini runner.
/// </summary>
/// <param name="Question">The spec's question (a string, so that graders compare by value).</param>
public sealed record FunctionSpecGrader(string Question) : IAnswerGrader
{
    /// <inheritdoc />
    public bool IsCorrect(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return FunctionSpec.TryRead(Question, out var spec) && spec.Grade(answer) is { AllPassed: true, Total: > 0 };
    }
}
