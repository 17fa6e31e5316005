namespace Agents.Runtime.Inference;

/// <summary>
/// Picks the next token from one row of logits: repetition penalty, an optional mask of allowed tokens, then greedy
/// (temperature 0) or temperature, top-k and top-p sampling from a random source seeded per request. Managed code
/// over a small vocabulary; one instance per reply, not thread-safe.
/// </summary>
public sealed class Sampler
{
    private readonly SamplingOptions options;
    private readonly Random random;
    private readonly HashSet<int> seen = [];
    private double[] scores = [];
    private int[] order = [];

    /// <summary>A sampler for one reply whose context so far is <paramref name="context"/>.</summary>
    public Sampler(SamplingOptions options, IEnumerable<int> context)
    {
        this.options = options;
        random = new Random(options.Seed);
        seen.UnionWith(context);
    }

    /// <summary>Records a token that entered the context (for the repetition penalty).</summary>
    public void Observe(int token) => seen.Add(token);

    /// <summary>Chooses a token from <paramref name="logits"/>; <paramref name="allowed"/>, when given, marks the tokens that may be chosen (at least one must be).</summary>
    public int Next(ReadOnlySpan<float> logits, bool[]? allowed)
    {
        var n = logits.Length;
        if (scores.Length != n)
        {
            scores = new double[n];
            order = new int[n];
        }

        for (var i = 0; i < n; i++)
        {
            double s = logits[i];
            if (options.RepetitionPenalty != 1 && seen.Contains(i))
            {
                s = s > 0 ? s / options.RepetitionPenalty : s * options.RepetitionPenalty;
            }

            scores[i] = allowed is null || allowed[i] ? s : double.NegativeInfinity;
        }

        if (options.Temperature == 0)
        {
            var best = 0;
            for (var i = 1; i < n; i++)
            {
                if (scores[i] > scores[best])
                {
                    best = i;
                }
            }

            return best;
        }

        if (options.TopK == 0 && options.TopP >= 1)
        {
            return DrawFromAll(n);
        }

        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = scores;
        Array.Sort(order, (a, b) => keys[b].CompareTo(keys[a]) is var c && c != 0 ? c : a.CompareTo(b));
        var keep = options.TopK > 0 ? Math.Min(options.TopK, n) : n;
        var max = scores[order[0]];
        var probabilities = new double[keep];
        double total = 0;
        for (var r = 0; r < keep; r++)
        {
            var s = scores[order[r]];
            probabilities[r] = double.IsNegativeInfinity(s) ? 0 : Math.Exp((s - max) / options.Temperature);
            total += probabilities[r];
        }

        if (options.TopP < 1)
        {
            double cumulative = 0;
            for (var r = 0; r < keep; r++)
            {
                cumulative += probabilities[r] / total;
                if (cumulative >= options.TopP)
                {
                    keep = r + 1;
                    break;
                }
            }

            total = 0;
            for (var r = 0; r < keep; r++)
            {
                total += probabilities[r];
            }
        }

        var draw = random.NextDouble() * total;
        for (var r = 0; r < keep; r++)
        {
            draw -= probabilities[r];
            if (draw < 0 && probabilities[r] > 0)
            {
                return order[r];
            }
        }

        return order[0];
    }

    /// <summary>Draws from the softmax of all scores at the temperature, without sorting (no top-k or top-p filter).</summary>
    private int DrawFromAll(int n)
    {
        var max = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            max = Math.Max(max, scores[i]);
        }

        double total = 0;
        for (var i = 0; i < n; i++)
        {
            scores[i] = double.IsNegativeInfinity(scores[i]) ? 0 : Math.Exp((scores[i] - max) / options.Temperature);
            total += scores[i];
        }

        var draw = random.NextDouble() * total;
        var last = 0;
        for (var i = 0; i < n; i++)
        {
            if (scores[i] > 0)
            {
                last = i;
                draw -= scores[i];
                if (draw < 0)
                {
                    return i;
                }
            }
        }

        return last;
    }

    /// <summary>Log-softmax of <paramref name="logits"/> at <paramref name="token"/>, and the <paramref name="top"/> most likely tokens.</summary>
    public static (double Logprob, (int TokenId, double Logprob)[] Top) Logprobs(ReadOnlySpan<float> logits, int token, int top)
    {
        var max = double.NegativeInfinity;
        foreach (var l in logits)
        {
            max = Math.Max(max, l);
        }

        double sum = 0;
        foreach (var l in logits)
        {
            sum += Math.Exp(l - max);
        }

        var logZ = max + Math.Log(sum);
        var best = new List<(int, double)>();
        if (top > 0)
        {
            var indices = Enumerable.Range(0, logits.Length).ToArray();
            var values = logits.ToArray();
            best = indices.OrderByDescending(i => values[i]).ThenBy(i => i).Take(top).Select(i => (i, values[i] - logZ)).ToList();
        }

        return (logits[token] - logZ, best.ToArray());
    }
}
