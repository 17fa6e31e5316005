using Agents.Memory.Retrieval;
using CsCheck;
using static Agents.Memory.Tests.Fixtures;

namespace Agents.Memory.Tests.Retrieval;

/// <summary>Retrieval compared with a plain model of the paper's formula (doubles, LINQ, Math.Pow).</summary>
public sealed class RetrievalModelTests
{
    private const int Dimension = 4;

    private sealed record Spec(int Hour, int Importance, int[] Embedding);

    private static readonly Gen<Spec> SpecGen =
        from hour in Gen.Int[0, 48]
        from importance in Gen.Int[1, 10]
        from embedding in Gen.Int[-3, 3].Array[Dimension]
        select new Spec(hour, importance, embedding);

    [Fact]
    public void Retrieval_agrees_with_a_direct_model_of_the_formula()
    {
        // Sizes up to 300 span several embedding chunks (64, then 128, then 256 rows).
        var gen = from specs in SpecGen.Array[1, 300]
                  from query in Gen.Int[-3, 3].Array[Dimension]
                  from k in Gen.Int[1, 40]
                  from now in Gen.Int[0, 80]
                  from weights in Gen.Int[0, 3].Array[3]
                  select (specs, query, k, now, weights);

        gen.Sample(t => Check(t.specs, t.query, t.k, t.now, t.weights), iter: 200);
    }

    private static void Check(Spec[] specs, int[] queryInts, int k, int nowHour, int[] weights)
    {
        var stream = new MemoryBank(Dimension).Stream("Agent");
        var ids = new List<long>();
        foreach (Spec spec in specs)
        {
            ids.Add(stream.Append(MemoryKind.Observation, "m", Hours(spec.Hour), spec.Importance, [.. spec.Embedding.Select(x => (float)x)]).Id);
        }

        var settings = new RetrievalSettings(weights[0], weights[1], weights[2], 0.99, 30);
        float[] query = [.. queryInts.Select(x => (float)x)];
        DateTime now = Hours(nowHour);
        IReadOnlyList<RetrievedMemory> actual = stream.Rank(query, now, settings, k);

        var candidates = specs.Select((s, i) => (Spec: s, Id: ids[i])).Where(c => Hours(c.Spec.Hour) <= now).ToList();
        if (candidates.Count == 0)
        {
            Assert.Empty(actual);
            return;
        }

        double[] rec = [.. candidates.Select(c => Math.Pow(0.99, Math.Max(0, nowHour - c.Spec.Hour)))];
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
