namespace Agents.Arena;

/// <summary>One strategy's line on the leaderboard.</summary>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Rating">Its Bradley-Terry rating with interval and online Elo.</param>
/// <param name="Correct">Graded items (with ground truth) answered correctly.</param>
/// <param name="Items">Graded items played (open-ended, judged items are not counted here).</param>
/// <param name="Calls">Model calls (decisions asked, for minds that report no calls).</param>
/// <param name="Tokens">Tokens (reported by the mind, else estimated as characters / 4).</param>
/// <param name="WallTime">Wall time spent solving.</param>
/// <param name="JudgedScore">The mean score of its side-by-side battles on open-ended items (1 win, 0.5 tie), or null when there were none.</param>
/// <param name="ProgramQuality">The mean ChatDev quality (completeness x executability x consistency) of its programs on function items (no program scores 0), or null when there were none.</param>
/// <param name="HiddenPassRate">The mean share of hidden tests its programs passed on function items, or null when there were none.</param>
public sealed record StrategyScore(
    string Strategy,
    Rating Rating,
    int Correct,
    int Items,
    long Calls,
    long Tokens,
    TimeSpan WallTime,
    double? JudgedScore = null,
    double? ProgramQuality = null,
    double? HiddenPassRate = null)
{
    /// <summary>The share of graded items answered correctly.</summary>
    public double Accuracy => Items == 0 ? 0 : (double)Correct / Items;
}
