namespace Agents.Arena;

/// <summary>Online Elo: every player starts at 1000, and after each battle R_A += K (S_A - E_A). Order-dependent. Stateless and thread-safe.</summary>
public static class OnlineElo
{
    /// <summary>Ratings after playing <paramref name="battles"/> in order.</summary>
    public static IReadOnlyDictionary<string, double> Compute(IReadOnlyList<string> players, IEnumerable<Battle> battles, double k = 4, double initial = 1000)
    {
        ArgumentNullException.ThrowIfNull(players);
        ArgumentNullException.ThrowIfNull(battles);
        var ratings = players.ToDictionary(p => p, _ => initial, StringComparer.Ordinal);
        foreach (var battle in battles)
        {
            var expected = 1 / (1 + Math.Pow(10, (ratings[battle.B] - ratings[battle.A]) / BradleyTerry.Scale));
            var delta = k * (battle.ScoreA - expected);
            ratings[battle.A] += delta;
            ratings[battle.B] -= delta;
        }

        return ratings;
    }
}
