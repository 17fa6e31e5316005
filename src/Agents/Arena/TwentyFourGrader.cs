using System.Globalization;

namespace Agents.Arena;

/// <summary>Accepts any expression that makes 24 from the dealt numbers, each used exactly once (exact rational arithmetic).</summary>
/// <param name="Numbers">The dealt numbers, space-separated ("4 7 8 8"); a string so that graders compare by value.</param>
public sealed record TwentyFourGrader(string Numbers) : IAnswerGrader
{
    /// <inheritdoc />
    public bool IsCorrect(string answer) =>
        TwentyFourGame.Check(Numbers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList(), answer);
}
