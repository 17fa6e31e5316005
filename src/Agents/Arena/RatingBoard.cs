namespace Agents.Arena;

/// <summary>
/// Ratings with 95% intervals: a Bradley-Terry fit on all battles, the 2.5% and 97.5% quantiles of fits on bootstrap
/// resamples of the battles or of the items (1,000 by default, drawn from a seeded generator), and online Elo as a
/// second view.
/// Stateless and thread-safe.
/// </summary>
public static class RatingBoard
{
    /// <summary>Rates <paramref name="players"/> from <paramref name="battles"/>, best first.</summary>
    public static IReadOnlyList<Rating> Compute(IReadOnlyList<string> players, IReadOnlyList<Battle> battles, int seed, int bootstrapRounds = 1000, BootstrapUnit unit = BootstrapUnit.Battles)
    {
        ArgumentNullException.ThrowIfNull(players);
        ArgumentNullException.ThrowIfNull(battles);
        ArgumentOutOfRangeException.ThrowIfNegative(bootstrapRounds);
        var fit = BradleyTerry.Fit(players, battles);
        var elo = OnlineElo.Compute(players, battles);
        var index = players.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        var groups = (unit == BootstrapUnit.Items
                ? battles.GroupBy(b => b.Item ?? string.Empty, StringComparer.Ordinal).Select(g => g.ToArray())
                : battles.Select(b => new[] { b }))
            .Select(g => g.Select(b => (A: index[b.A], B: index[b.B], b.ScoreA)).ToArray())
            .ToArray();
        var samples = players.Select(_ => new double[bootstrapRounds]).ToArray();
        var random = new Random(seed);
        var n = players.Count;
        for (var round = 0; round < bootstrapRounds; round++)
        {
            var wins = new double[n, n];
            for (var draw = 0; draw < groups.Length; draw++)
            {
                foreach (var (a, b, score) in groups[random.Next(groups.Length)])
                {
                    wins[a, b] += score;
                    wins[b, a] += 1 - score;
                }
            }

            var ratings = BradleyTerry.ToRatings(players, BradleyTerry.FitStrengths(wins, 1e-6));
            for (var p = 0; p < n; p++)
            {
                samples[p][round] = ratings[players[p]];
            }
        }

        return players
            .Select((p, i) =>
            {
                var sorted = samples[i].Order().ToArray();
                return new Rating(p, fit[p], Quantile(sorted, 0.025, fit[p]), Quantile(sorted, 0.975, fit[p]), elo[p]);
            })
            .OrderByDescending(r => r.Value)
            .ToList();
    }

    private static double Quantile(double[] sorted, double q, double fallback)
    {
        if (sorted.Length == 0)
        {
            return fallback;
        }

        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}
