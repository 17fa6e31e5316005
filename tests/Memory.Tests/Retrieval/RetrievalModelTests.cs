using Agents.Memory.Retrieval;
using CsCheck;
using static Agents.Memory.Tests.Fixtures;

namespace Agents.Memory.Tests.Retrieval;

/// <summary>Retrieval compared with a plain model of the paper's formula (doubles, LINQ, Math.Pow).</summary>
public sealed class RetrievalModelTests
{
    private const int Dimension = 4;

    private sealed record Spec(int Hour, int Importance, int[] Embedding);

    [Fact]
    public void Retrieval_agrees_with_a_direct_model_of_the_formula()
    {
        // Sizes up to 300 span several embedding chunks (64, then 128, then 256 rows).
        var gen = from specs in SpecGen(48).Array[1, 300]
                  from query in Gen.Int[-3, 3].Array[Dimension]
                  from k in Gen.Int[1, 40]
                  from now in Gen.Int[0, 80]
                  from weights in Gen.Int[0, 3].Array[3]
                  select (specs, query, k, now, weights);

        gen.Sample(t => Check(t.specs, t.specs.Length, t.query, t.k, [t.now], t.weights, [0.99]), iter: 200);
    }

    [Fact]
    public void Retrieval_agrees_with_the_model_across_long_spans_decays_and_appends_after_a_retrieval()
    {
        // Decay 0.5 over thousands of hours drives the recency weights past their rebase point.
        var gen = from specs in SpecGen(3000).Array[2, 120]
                  from split in Gen.Int[1, 119]
                  from query in Gen.Int[-3, 3].Array[Dimension]
                  from k in Gen.Int[1, 40]
                  from nows in Gen.Int[0, 3200].Array[2]
                  from decays in Gen.Int[0, 3].Select(i => new[] { 0.99, 0.9, 0.5, 1.0 }[i]).Array[2]
                  select (specs, split, query, k, nows, decays);

        gen.Sample(t => Check(t.specs, Math.Min(t.split, t.specs.Length - 1), t.query, t.k, t.nows, [1, 1, 1], t.decays), iter: 200);
    }

    [Fact]
    public void Memories_accessed_after_now_count_as_accessed_now()
    {
        var stream = new MemoryBank(2).Stream("Agent");
        MemoryRecord a = stream.Append(MemoryKind.Observation, "a", T0, 5, [1, 0]);
        MemoryRecord b = stream.Append(MemoryKind.Observation, "b", T0, 5, [0, 1]);
        MemoryRecord c = stream.Append(MemoryKind.Observation, "c", T0, 5, [1, 1]);
        var byRelevance = new RetrievalSettings(RecencyWeight: 0, ImportanceWeight: 0);
        Assert.Equal(b.Id, stream.Retrieve([0, 1], Hours(5), byRelevance, k: 1)[0].Memory.Id);
        Assert.Equal(c.Id, stream.Retrieve([1, 1], Hours(10), byRelevance, k: 1)[0].Memory.Id);

        // At hour 5: a 0.99^5, b 0.99^0, c accessed at 10 counts as 0.99^0 (not 0.99^-5): a 0, b 1, c 1.
        Dictionary<long, double> recency = stream.Rank([], Hours(5)).ToDictionary(r => r.Memory.Id, r => r.Recency);

        Assert.Equal(0, recency[a.Id], 1e-6);
        Assert.Equal(1, recency[b.Id], 1e-6);
        Assert.Equal(1, recency[c.Id], 1e-6);
    }

    private static Gen<Spec> SpecGen(int hours) =>
        from hour in Gen.Int[0, hours]
        from importance in Gen.Int[1, 10]
        from embedding in Gen.Int[-3, 3].Array[Dimension]
        select new Spec(hour, importance, embedding);

    /// <summary>Appends specs[..split], ranks once (initialising cached state), appends the rest, then checks every (now, decay).</summary>
    private static void Check(Spec[] specs, int split, int[] queryInts, int k, int[] nowHours, int[] weights, double[] decays)
    {
        var stream = new MemoryBank(Dimension).Stream("Agent");
        var ids = new List<long>();
        float[] query = [.. queryInts.Select(x => (float)x)];
        for (int i = 0; i < specs.Length; i++)
        {
            if (i == split)
            {
                stream.Rank(query, Hours(nowHours[0]), new RetrievalSettings(RecencyDecay: decays[0]));
            }

            ids.Add(stream.Append(MemoryKind.Observation, "m", Hours(specs[i].Hour), specs[i].Importance, [.. specs[i].Embedding.Select(x => (float)x)]).Id);
        }

        foreach (int nowHour in nowHours)
        {
            foreach (double decay in decays)
            {
                var settings = new RetrievalSettings(weights[0], weights[1], weights[2], decay, 30);
                CheckOne(stream.Rank(query, Hours(nowHour), settings, k), specs, ids, queryInts, k, nowHour, weights, decay);
            }
        }
    }

    private static void CheckOne(IReadOnlyList<RetrievedMemory> actual, Spec[] specs, List<long> ids, int[] queryInts, int k, int nowHour, int[] weights, double decay)
    {
        DateTime now = Hours(nowHour);
        var candidates = specs.Select((s, i) => (Spec: s, Id: ids[i])).Where(c => Hours(c.Spec.Hour) <= now).ToList();
        if (candidates.Count == 0)
        {
            Assert.Empty(actual);
            return;
        }

        // decay ^ hours, each divided by the largest (normalisation does not change) so that long spans do not underflow.
        double[] exponents = [.. candidates.Select(c => Math.Log(decay) * Math.Max(0, nowHour - c.Spec.Hour))];
        double[] rec = [.. exponents.Select(e => Math.Exp(e - exponents.Max()))];
        double[] imp = [.. candidates.Select(c => (double)c.Spec.Importance)];
        double[] rel = [.. candidates.Select(c => Cosine(queryInts, c.Spec.Embedding))];
        double[] nRec = Normalise(rec), nImp = Normalise(imp), nRel = Normalise(rel);
        var all = candidates.Select((c, i) => (c.Id, Total: (weights[0] * nRec[i]) + (weights[1] * nImp[i]) + (weights[2] * nRel[i]))).ToList();
        var model = all.OrderByDescending(m => m.Total).ThenBy(m => m.Id).Take(k).ToList();
        var modelTotal = all.ToDictionary(m => m.Id, m => m.Total);

        Assert.Equal(model.Count, actual.Count);
        for (int i = 0; i < model.Count; i++)
        {
            // Same totals in the same order; ids may differ only between totals that tie within float precision.
            Assert.Equal(model[i].Total, actual[i].Total, 1e-4);
            Assert.Equal(modelTotal[actual[i].Memory.Id], actual[i].Total, 1e-4);
        }
    }

    private static double Cosine(int[] a, int[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    private static double[] Normalise(double[] values)
    {
        double min = values.Min(), max = values.Max();
        return [.. values.Select(v => max - min > 1e-6 * Math.Max(Math.Abs(min), Math.Abs(max)) ? (v - min) / (max - min) : 0.5)];
    }
}
