using System.Numerics.Tensors;

namespace Agents.Memory.Retrieval;

/// <summary>
/// The columns retrieval reads, one row per memory in append order: embeddings (contiguous chunks), inverse norms,
/// importance, creation and last-access ticks, and recency weights. Scoring is a few SIMD passes plus one scalar
/// pass that selects the top k. Not thread-safe.
/// </summary>
/// <remarks>
/// Recency is decay ^ hours(now - lastAccess). Min-max normalisation is unchanged by a common positive factor, so
/// each row keeps w = decay ^ -hours(lastAccess - epoch), computed once when the row is added or accessed, and a
/// retrieval needs no exponential per row. The epoch moves forward before the weights could overflow.
/// </remarks>
internal sealed class RetrievalIndex
{
    // Weights are floats (SIMD passes); e^80 leaves headroom below float.MaxValue (about e^88).
    private const double MaxExponent = 80;

    private float[] importances = new float[16];
    private long[] createdTicks = new long[16];
    private long[] lastAccessTicks = new long[16];
    private float[] inverseNorms = new float[16];
    private float[] recencyWeights = new float[16];
    private float[] relevanceScratch = [];
    private float[] recencyScratch = [];
    private float[] keyScratch = [];
    private long maxCreatedTicks = long.MinValue;
    private long maxLastAccessTicks = long.MinValue;
    private double weightsDecay = double.NaN;
    private double decayRatePerTick;
    private long epochTicks;

    public RetrievalIndex(int dimension) => Embeddings = new EmbeddingRows(dimension);

    public EmbeddingRows Embeddings { get; }

    public int Count { get; private set; }

    public int Dimension => Embeddings.Dimension;

    /// <summary>Adds a row and returns the view of its stored embedding.</summary>
    public ReadOnlyMemory<float> Add(ReadOnlySpan<float> embedding, int importance, long created, long lastAccess)
    {
        int row = Count;
        if (row == importances.Length)
        {
            int capacity = row * 2;
            Array.Resize(ref importances, capacity);
            Array.Resize(ref createdTicks, capacity);
            Array.Resize(ref lastAccessTicks, capacity);
            Array.Resize(ref inverseNorms, capacity);
            Array.Resize(ref recencyWeights, capacity);
        }

        ReadOnlyMemory<float> stored = Embeddings.Add(embedding);
        float norm = TensorPrimitives.Norm(embedding);
        importances[row] = importance;
        createdTicks[row] = created;
        inverseNorms[row] = norm > 0 ? 1 / norm : 0;
        maxCreatedTicks = Math.Max(maxCreatedTicks, created);
        Count++;
        Touch(row, lastAccess);
        return stored;
    }

    /// <summary>Sets the last access of <paramref name="row"/>.</summary>
    public void Touch(int row, long ticks)
    {
        lastAccessTicks[row] = ticks;
        maxLastAccessTicks = Math.Max(maxLastAccessTicks, ticks);
        if (!double.IsNaN(weightsDecay))
        {
            double exponent = (ticks - epochTicks) * decayRatePerTick;
            if (exponent > MaxExponent)
            {
                Rebase(maxLastAccessTicks);
            }
            else
            {
                recencyWeights[row] = (float)Math.Exp(exponent);
            }
        }
    }

    /// <summary>Scores the rows created at or before <paramref name="now"/>; returns the best <paramref name="k"/>, best first, ties by lower row.</summary>
    public List<ScoredRow> Score(ReadOnlySpan<float> query, long now, RetrievalSettings settings, int k)
    {
        int n = Count;
        if (relevanceScratch.Length < n)
        {
            relevanceScratch = new float[importances.Length];
            recencyScratch = new float[importances.Length];
            keyScratch = new float[importances.Length];
        }

        Span<float> relevance = relevanceScratch.AsSpan(0, n);
        ReadOnlySpan<float> importance = importances.AsSpan(0, n);
        ComputeRelevance(query, relevance);
        ReadOnlySpan<float> recency = RecencyAt(now, settings.RecencyDecay);

        bool allCandidates = maxCreatedTicks <= now;
        int candidates = allCandidates ? n : CountCandidates(now);
        if (candidates == 0)
        {
            return [];
        }

        (float recMin, float recMax) = allCandidates ? MinMax(recency) : MinMax(recency, now);
        (float impMin, float impMax) = allCandidates ? MinMax(importance) : MinMax(importance, now);
        (float relMin, float relMax) = allCandidates ? MinMax(relevance) : MinMax(relevance, now);
        var rec = new Normaliser(recMin, recMax);
        var imp = new Normaliser(impMin, impMax);
        var rel = new Normaliser(relMin, relMax);

        // Rank by the weighted sum without its constant offsets (they do not change the order), computed in SIMD
        // passes; then report the exact normalised components and total of the winners.
        Span<float> keys = keyScratch.AsSpan(0, n);
        TensorPrimitives.Multiply(relevance, (float)(settings.RelevanceWeight * rel.Scale), keys);
        TensorPrimitives.MultiplyAdd(importance, (float)(settings.ImportanceWeight * imp.Scale), keys, keys);
        TensorPrimitives.MultiplyAdd(recency, (float)(settings.RecencyWeight * rec.Scale), keys, keys);
        int take = Math.Min(k, candidates);
        Span<int> rows = take <= 128 ? stackalloc int[take] : new int[take];
        Span<double> kept = take <= 128 ? stackalloc double[take] : new double[take];
        var selector = new TopKSelector(rows, kept);
        float worst = float.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            // Rows come in increasing order, so once k are kept a tie never enters: only a higher key does.
            if ((keys[i] > worst || !selector.IsFull) && (allCandidates || createdTicks[i] <= now))
            {
                selector.Offer(i, keys[i]);
                worst = selector.IsFull ? (float)selector.WorstScore : float.NegativeInfinity;
            }
        }

        int found = selector.SortBestFirst();
        var scored = new List<ScoredRow>(found);
        for (int j = 0; j < found; j++)
        {
            int i = rows[j];
            double r = rec.Apply(recency[i]), m = imp.Apply(importance[i]), v = rel.Apply(relevance[i]);
            double total = (settings.RecencyWeight * r) + (settings.ImportanceWeight * m) + (settings.RelevanceWeight * v);
            scored.Add(new ScoredRow(i, r, m, v, total));
        }

        // The float keys and the exact totals can differ in the last bits; keep the reported order exact.
        for (int j = 1; j < scored.Count; j++)
        {
            if (scored[j].Total > scored[j - 1].Total || (scored[j].Total == scored[j - 1].Total && scored[j].Row < scored[j - 1].Row))
            {
                scored.Sort((a, b) => a.Total != b.Total ? b.Total.CompareTo(a.Total) : a.Row.CompareTo(b.Row));
                break;
            }
        }

        return scored;
    }

    private void ComputeRelevance(ReadOnlySpan<float> query, Span<float> relevance)
    {
        float queryNorm = query.IsEmpty ? 0 : TensorPrimitives.Norm(query);
        if (queryNorm == 0)
        {
            relevance.Clear();
            return;
        }

        // Dot with the unit query, then one pass dividing by each row's norm: the cosine.
        Span<float> unitQuery = Dimension <= 1024 ? stackalloc float[Dimension] : new float[Dimension];
        TensorPrimitives.Divide(query, queryNorm, unitQuery);
        int start = 0;
        for (int c = 0; c < Embeddings.ChunkCount; c++)
        {
            ReadOnlySpan<float> chunk = Embeddings.Chunk(c);
            int rows = chunk.Length / Dimension;
            VectorSearch.DotProducts(chunk, Dimension, unitQuery, relevance.Slice(start, rows));
            start += rows;
        }

        TensorPrimitives.Multiply(relevance, inverseNorms.AsSpan(0, relevance.Length), relevance);
    }

    /// <summary>Per-row recency up to a common positive factor; rows accessed after <paramref name="now"/> count as accessed at it.</summary>
    /// <remarks>When every access is at or before <paramref name="now"/>, every row is a candidate (creation precedes
    /// access) and the row accessed last has weight at least 1, so the cached weights lose nothing that matters.</remarks>
    private ReadOnlySpan<float> RecencyAt(long now, double decay)
    {
        if (decay != weightsDecay)
        {
            weightsDecay = decay;
            decayRatePerTick = -Math.Log(decay) / TimeSpan.TicksPerHour;
            Rebase(maxLastAccessTicks);
        }

        ReadOnlySpan<float> weights = recencyWeights.AsSpan(0, Count);
        if (maxLastAccessTicks <= now)
        {
            return weights;
        }

        // Looking back from before some access (a report "as of" an earlier time): compute from `now` itself,
        // shifted by the largest exponent among the candidates so that nothing underflows that need not.
        Span<float> exact = recencyScratch.AsSpan(0, Count);
        double largest = double.NegativeInfinity;
        for (int i = 0; i < exact.Length; i++)
        {
            if (createdTicks[i] <= now)
            {
                largest = Math.Max(largest, -Math.Max(0, now - lastAccessTicks[i]) * decayRatePerTick);
            }
        }

        for (int i = 0; i < exact.Length; i++)
        {
            // At most 0 for candidates; clamped for the others (created after now), which are never ranked.
            exact[i] = (float)Math.Exp(Math.Min(0, (-Math.Max(0, now - lastAccessTicks[i]) * decayRatePerTick) - largest));
        }

        return exact;
    }

    private void Rebase(long epoch)
    {
        epochTicks = Count == 0 ? 0 : epoch;
        for (int i = 0; i < Count; i++)
        {
            recencyWeights[i] = (float)Math.Exp((lastAccessTicks[i] - epochTicks) * decayRatePerTick);
        }
    }

    private int CountCandidates(long now)
    {
        int count = 0;
        for (int i = 0; i < Count; i++)
        {
            count += createdTicks[i] <= now ? 1 : 0;
        }

        return count;
    }

    private static (float Min, float Max) MinMax(ReadOnlySpan<float> values) => (TensorPrimitives.Min(values), TensorPrimitives.Max(values));

    private (float Min, float Max) MinMax(ReadOnlySpan<float> values, long now)
    {
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            if (createdTicks[i] <= now)
            {
                float v = values[i];
                min = v < min ? v : min;
                max = v > max ? v : max;
            }
        }

        return (min, max);
    }
}
