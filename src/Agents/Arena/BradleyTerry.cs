namespace Agents.Arena;

/// <summary>
/// Bradley-Terry ratings by maximum likelihood, as Chatbot Arena computes them: P(A beats B) =
/// 1 / (1 + 10^((R_B - R_A) / 400)), ties count half a win to each, ratings on the 400 scale with their mean
/// anchored at 1000. A tiny ridge (as sklearn's default-regularised logistic regression has) keeps a player
/// who never lost finite. Stateless and thread-safe.
/// </summary>
public static class BradleyTerry
{
    /// <summary>The scale: 400 points per factor of 10 in odds.</summary>
    public const double Scale = 400;

    /// <summary>The mean rating.</summary>
    public const double Anchor = 1000;

    /// <summary>Fits ratings for <paramref name="players"/> from <paramref name="battles"/>.</summary>
    public static IReadOnlyDictionary<string, double> Fit(IReadOnlyList<string> players, IEnumerable<Battle> battles, double ridge = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(players);
        ArgumentNullException.ThrowIfNull(battles);
        var index = players.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        var n = players.Count;
        var wins = new double[n, n];
        foreach (var battle in battles)
        {
            var a = index[battle.A];
            var b = index[battle.B];
            wins[a, b] += battle.ScoreA;
            wins[b, a] += 1 - battle.ScoreA;
        }

        return ToRatings(players, FitStrengths(wins, ridge));
    }

    /// <summary>Fits natural-log strengths from a matrix of (fractional) wins, wins[i, j] = i's wins over j.</summary>
    internal static double[] FitStrengths(double[,] wins, double ridge)
    {
        var n = wins.GetLength(0);
        var theta = new double[n];
        var objective = LogLikelihood(wins, theta, ridge);
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var gradient = new double[n];
            var hessian = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                gradient[i] -= ridge * theta[i];
                hessian[i, i] += ridge;
                for (var j = 0; j < n; j++)
                {
                    var games = wins[i, j] + wins[j, i];
                    if (i == j || games == 0)
                    {
                        continue;
                    }

                    var p = Sigmoid(theta[i] - theta[j]);
                    gradient[i] += wins[i, j] - (games * p);
                    var w = games * p * (1 - p);
                    hessian[i, i] += w;
                    hessian[i, j] -= w;
                }
            }

            var step = Solve(hessian, gradient);
            var scale = 1.0;
            double[] next;
            double value;
            do
            {
                next = theta.Select((t, i) => t + (scale * step[i])).ToArray();
                value = LogLikelihood(wins, next, ridge);
                scale /= 2;
            }
            while (value < objective - 1e-12 && scale > 1e-6);

            var change = next.Zip(theta, (x, y) => Math.Abs(x - y)).DefaultIfEmpty(0).Max();
            theta = next;
            objective = value;
            if (change < 1e-10)
            {
                break;
            }
        }

        return theta;
    }

    internal static IReadOnlyDictionary<string, double> ToRatings(IReadOnlyList<string> players, double[] theta)
    {
        var mean = theta.Length == 0 ? 0 : theta.Average();
        var ratings = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < players.Count; i++)
        {
            ratings[players[i]] = Anchor + (Scale / Math.Log(10) * (theta[i] - mean));
        }

        return ratings;
    }

    private static double LogLikelihood(double[,] wins, double[] theta, double ridge)
    {
        var n = theta.Length;
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            total -= 0.5 * ridge * theta[i] * theta[i];
            for (var j = 0; j < n; j++)
            {
                if (i != j && wins[i, j] > 0)
                {
                    total += wins[i, j] * -Math.Log(1 + Math.Exp(theta[j] - theta[i]));
                }
            }
        }

        return total;
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    // Hessian here is the negated one (positive definite thanks to the ridge); Gaussian elimination with pivoting.
    private static double[] Solve(double[,] matrix, double[] vector)
    {
        var n = vector.Length;
        var a = (double[,])matrix.Clone();
        var b = (double[])vector.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = row;
                }
            }

            for (var k = 0; k < n; k++)
            {
                (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
            }

            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (var row = col + 1; row < n; row++)
            {
                var factor = a[row, col] / a[col, col];
                for (var k = col; k < n; k++)
                {
                    a[row, k] -= factor * a[col, k];
                }

                b[row] -= factor * b[col];
            }
        }

        var x = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = b[row];
            for (var k = row + 1; k < n; k++)
            {
                sum -= a[row, k] * x[k];
            }

            x[row] = sum / a[row, row];
        }

        return x;
    }
}
