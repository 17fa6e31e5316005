namespace Agents.Arena;

/// <summary>One strategy's line on the leaderboard.</summary>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="Rating">Its Bradley-Terry rating with interval and online Elo.</param>
/// <param name="Correct">Items answered correctly.</param>
/// <param name="Items">Items played.</param>
/// <param name="Calls">Model calls (decisions asked, for minds that report no calls).</param>
/// <param name="Tokens">Tokens (reported by the mind, else estimated as characters / 4).</param>
/// <param name="WallTime">Wall time spent solving.</param>
public sealed record StrategyScore(string Strategy, Rating Rating, int Correct, int Items, long Calls, long Tokens, TimeSpan WallTime)
{
    /// <summary>The share of items answered correctly.</summary>
    public double Accuracy => Items == 0 ? 0 : (double)Correct / Items;
}
