namespace Agents.Arena;

/// <summary>Decides whether an answer is correct when more than one answer is (the 24 game). Implementations are immutable and thread-safe.</summary>
public interface IAnswerGrader
{
    /// <summary>True when the normalised <paramref name="answer"/> is correct.</summary>
    bool IsCorrect(string answer);
}
