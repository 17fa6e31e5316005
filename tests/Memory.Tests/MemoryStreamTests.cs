using static Agents.Memory.Tests.Fixtures;

namespace Agents.Memory.Tests;

public sealed class MemoryStreamTests
{
    private static readonly float[] X = [1, 0];

    [Fact]
    public void Ids_increase_and_are_unique_across_agents()
    {
        var bank = new MemoryBank(2);
        long a = bank.Stream("Isabella").Append(MemoryKind.Observation, "a", T0, 1, X).Id;
        long b = bank.Stream("Klaus").Append(MemoryKind.Observation, "b", T0, 1, X).Id;
        long c = bank.Stream("Isabella").Append(MemoryKind.Observation, "c", T0, 1, X).Id;

        Assert.Equal([1L, 2L, 3L], [a, b, c]);
        Assert.Equal(["Isabella", "Klaus"], bank.Owners);
        Assert.True(bank.TryFind(b, out MemoryRecord? found));
        Assert.Equal("Klaus", found.Owner);
        Assert.Equal(2, bank.Stream("Isabella").Count);
    }

    [Fact]
    public void Appended_memory_keeps_its_fields_and_starts_accessed_when_created()
    {
        var stream = new MemoryBank(2).Stream("Isabella");
        var spo = new Triple("Isabella", "is", "brewing coffee");

        MemoryRecord m = stream.Append(MemoryKind.Observation, "Isabella is brewing coffee", Hours(1), 4, [0.6f, 0.8f], spo);

        Assert.Equal(("Isabella", MemoryKind.Observation, "Isabella is brewing coffee", spo, Hours(1), Hours(1), 4, 0),
            (m.Owner, m.Kind, m.Text, m.Spo, m.Created, m.LastAccessed, m.Importance, m.Depth));
        Assert.Equal([0.6f, 0.8f], m.Embedding.ToArray());
        Assert.Empty(m.Evidence);
    }

    [Fact]
    public void Stored_embedding_is_a_copy_of_the_callers_array()
    {
        var stream = new MemoryBank(2).Stream("Isabella");
        float[] embedding = [1, 0];
        MemoryRecord m = stream.Append(MemoryKind.Observation, "m", T0, 4, embedding);

        embedding[0] = 42;

        Assert.Equal(1f, m.Embedding.Span[0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Importance_outside_one_to_ten_is_rejected(int importance)
    {
        var stream = new MemoryBank(2).Stream("Isabella");

        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Append(MemoryKind.Observation, "m", T0, importance, X));
        Assert.Equal(0, stream.Count);
    }

    [Fact]
    public void Embedding_of_the_wrong_dimension_is_rejected()
    {
        var stream = new MemoryBank(3).Stream("Isabella");

        var error = Assert.Throws<ArgumentException>(() => stream.Append(MemoryKind.Observation, "m", T0, 5, X));
        Assert.Contains("expects 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reflection_depth_is_one_more_than_its_deepest_evidence()
    {
        var stream = new MemoryBank(2).Stream("Klaus");
        MemoryRecord o1 = stream.Append(MemoryKind.Observation, "o1", T0, 3, X);
        MemoryRecord o2 = stream.Append(MemoryKind.Observation, "o2", T0, 3, X);
        MemoryRecord r1 = stream.Append(MemoryKind.Reflection, "r1", Hours(1), 6, X, evidence: [o1.Id, o2.Id]);
        MemoryRecord r2 = stream.Append(MemoryKind.Reflection, "r2", Hours(2), 7, X, evidence: [o2.Id, r1.Id]);
        MemoryRecord plan = stream.Append(MemoryKind.Plan, "plan", Hours(3), 5, X);
        MemoryRecord bare = stream.Append(MemoryKind.Reflection, "bare", Hours(3), 5, X);

        Assert.Equal([0, 0, 1, 2, 0, 1], new[] { o1, o2, r1, r2, plan, bare }.Select(m => m.Depth));
        Assert.Equal([o2.Id, r1.Id], r2.Evidence);
    }

    [Fact]
    public void Duplicate_evidence_is_kept_once()
    {
        var stream = new MemoryBank(2).Stream("Klaus");
        MemoryRecord o = stream.Append(MemoryKind.Observation, "o", T0, 3, X);

        MemoryRecord r = stream.Append(MemoryKind.Reflection, "r", T0, 6, X, evidence: [o.Id, o.Id]);

        Assert.Equal([o.Id], r.Evidence);
    }

    [Fact]
    public void A_reflection_citing_itself_is_rejected()
    {
        var bank = new MemoryBank(2);
        var stream = bank.Stream("Klaus");
        stream.Append(MemoryKind.Observation, "o", T0, 3, X);

        var error = Assert.Throws<MemoryException>(() => stream.Append(MemoryKind.Reflection, "r", T0, 6, X, evidence: [bank.NextId]));

        Assert.Contains("cite itself", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, stream.Count);
    }

    [Fact]
    public void A_reflection_citing_a_later_memory_is_rejected()
    {
        var stream = new MemoryBank(2).Stream("Klaus");
        MemoryRecord later = stream.Append(MemoryKind.Observation, "later", Hours(5), 3, X);

        var error = Assert.Throws<MemoryException>(() => stream.Append(MemoryKind.Reflection, "r", Hours(1), 6, X, evidence: [later.Id]));

        Assert.Contains($"#{later.Id}", error.Message, StringComparison.Ordinal);
        Assert.Contains("later", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reflection_citing_an_unknown_or_foreign_memory_is_rejected()
    {
        var bank = new MemoryBank(2);
        MemoryRecord klaus = bank.Stream("Klaus").Append(MemoryKind.Observation, "k", T0, 3, X);
        var maria = bank.Stream("Maria");

        var foreign = Assert.Throws<MemoryException>(() => maria.Append(MemoryKind.Reflection, "r", T0, 6, X, evidence: [klaus.Id]));
        var unknown = Assert.Throws<MemoryException>(() => maria.Append(MemoryKind.Reflection, "r", T0, 6, X, evidence: [99]));

        Assert.Contains("not one of Maria's memories", foreign.Message, StringComparison.Ordinal);
        Assert.Contains("#99", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_observation_cannot_cite_evidence()
    {
        var stream = new MemoryBank(2).Stream("Klaus");
        MemoryRecord o = stream.Append(MemoryKind.Observation, "o", T0, 3, X);

        Assert.Throws<MemoryException>(() => stream.Append(MemoryKind.Observation, "o2", T0, 3, X, evidence: [o.Id]));
    }

    [Fact]
    public void Latest_returns_the_newest_first_and_filters_by_kind()
    {
        var stream = new MemoryBank(2).Stream("Tom");
        for (int i = 0; i < 6; i++)
        {
            stream.Append(i % 2 == 0 ? MemoryKind.Observation : MemoryKind.Chat, $"m{i}", Hours(i), 2, X);
        }

        Assert.Equal(["m5", "m4", "m3"], stream.Latest(3).Select(m => m.Text));
        Assert.Equal(["m4", "m2", "m0"], stream.Latest(5, MemoryKind.Observation).Select(m => m.Text));
        Assert.Empty(stream.Latest(0));
    }

    [Fact]
    public void Existing_stream_of_an_unknown_agent_names_the_known_agents()
    {
        var bank = new MemoryBank(2);
        bank.Stream("Isabella").Append(MemoryKind.Observation, "o", T0, 3, X);

        var error = Assert.Throws<MemoryException>(() => bank.ExistingStream("Isabela"));

        Assert.Contains("'Isabela'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Isabella", error.Message, StringComparison.Ordinal);
        Assert.False(bank.TryGetStream("Isabela", out _));
    }

    [Fact]
    public void Latest_time_is_the_latest_creation_or_access()
    {
        var stream = new MemoryBank(2).Stream("Tom");
        Assert.Null(stream.LatestTime());
        stream.Append(MemoryKind.Observation, "o", Hours(2), 3, X);
        stream.Retrieve(X, Hours(7));

        Assert.Equal(Hours(7), stream.LatestTime());
    }

    [Fact]
    public void Streams_of_different_agents_can_be_appended_from_parallel_threads()
    {
        var bank = new MemoryBank(2);
        string[] agents = [.. Enumerable.Range(0, 8).Select(i => $"agent{i}")];

        Parallel.ForEach(agents, agent =>
        {
            var stream = bank.Stream(agent);
            for (int i = 0; i < 500; i++)
            {
                stream.Append(MemoryKind.Observation, $"{agent} {i}", Hours(i), 1 + (i % 10), X);
            }
        });

        Assert.Equal(4000, bank.Count);
        Assert.Equal(4001, bank.NextId);
        Assert.All(agents, a => Assert.Equal(500, bank.Stream(a).All.Select(m => m.Id).Distinct().Count()));
    }
}
