using Agents.Memory.Retrieval;
using static Agents.Memory.Tests.Fixtures;

namespace Agents.Memory.Tests.Retrieval;

public sealed class RetrievalScoringTests
{
    private static readonly float[] X = [1, 0];
    private static readonly float[] Y = [0, 1];
    private static readonly float[] XY = [1, 1];

    [Fact]
    public void Scores_match_hand_computed_values_and_order()
    {
        var stream = new MemoryBank(2).Stream("Isabella");
        MemoryRecord a = stream.Append(MemoryKind.Observation, "a", T0, 2, X);
        MemoryRecord b = stream.Append(MemoryKind.Observation, "b", Hours(5), 8, Y);
        MemoryRecord c = stream.Append(MemoryKind.Observation, "c", Hours(10), 5, XY);

        IReadOnlyList<RetrievedMemory> results = stream.Rank(X, Hours(10));

        // recency: 0.99^10 = 0.904382, 0.99^5 = 0.950990, 0.99^0 = 1 -> (x - 0.904382) / 0.095618
        // importance: 2, 8, 5 -> 0, 1, 0.5; relevance: cos = 1, 0, 0.707107 -> the same after normalising
        Assert.Equal([c.Id, b.Id, a.Id], results.Select(r => r.Memory.Id));
        AssertScores(results[0], recency: 1, importance: 0.5, relevance: 0.707107, total: 2.207107);
        AssertScores(results[1], recency: 0.487436, importance: 1, relevance: 0, total: 1.487436);
        AssertScores(results[2], recency: 0, importance: 0, relevance: 1, total: 1);
    }

    [Fact]
    public void Retrieval_prefers_recent_memory_when_relevance_and_importance_tie()
    {
        var stream = new MemoryBank(2).Stream("Klaus");
        MemoryRecord old = stream.Append(MemoryKind.Observation, "old", T0, 5, X);
        MemoryRecord recent = stream.Append(MemoryKind.Observation, "recent", Hours(3), 5, X);

        IReadOnlyList<RetrievedMemory> results = stream.Rank(X, Hours(4));

        Assert.Equal([recent.Id, old.Id], results.Select(r => r.Memory.Id));
        AssertScores(results[0], recency: 1, importance: 0.5, relevance: 0.5, total: 2);
        AssertScores(results[1], recency: 0, importance: 0.5, relevance: 0.5, total: 1);
    }

    [Fact]
    public void Retrieval_prefers_important_memory_when_recency_and_relevance_tie()
    {
        var stream = new MemoryBank(2).Stream("Klaus");
        MemoryRecord mundane = stream.Append(MemoryKind.Observation, "mundane", T0, 1, X);
        MemoryRecord poignant = stream.Append(MemoryKind.Observation, "poignant", T0, 9, X);

        Assert.Equal([poignant.Id, mundane.Id], stream.Rank(X, Hours(1)).Select(r => r.Memory.Id));
    }

    [Fact]
    public void Retrieval_prefers_relevant_memory_when_recency_and_importance_tie()
    {
        var stream = new MemoryBank(2).Stream("Klaus");
        MemoryRecord offTopic = stream.Append(MemoryKind.Observation, "off topic", T0, 4, Y);
        MemoryRecord onTopic = stream.Append(MemoryKind.Observation, "on topic", T0, 4, X);

        Assert.Equal([onTopic.Id, offTopic.Id], stream.Rank(X, Hours(1)).Select(r => r.Memory.Id));
    }

    [Fact]
    public void Recency_is_measured_from_last_access_not_creation()
    {
        var stream = new MemoryBank(2).Stream("Maria");
        MemoryRecord first = stream.Append(MemoryKind.Observation, "first", T0, 5, X);
        MemoryRecord second = stream.Append(MemoryKind.Observation, "second", Hours(1), 5, Y);

        // Only `first` is retrieved at hour 5, so it becomes the more recently accessed one.
        stream.Retrieve(X, Hours(5), k: 1);
        IReadOnlyList<RetrievedMemory> results = stream.Rank([], Hours(6));

        Assert.Equal([first.Id, second.Id], results.Select(r => r.Memory.Id));
        Assert.Equal(1, results[0].Recency, 6);
    }

    [Fact]
    public void A_single_candidate_gets_half_of_every_component()
    {
        var stream = new MemoryBank(2).Stream("Sam");
        stream.Append(MemoryKind.Observation, "alone", T0, 7, X);

        RetrievedMemory only = Assert.Single(stream.Rank(Y, Hours(2)));

        AssertScores(only, recency: 0.5, importance: 0.5, relevance: 0.5, total: 1.5);
    }

    [Fact]
    public void Candidates_that_all_tie_get_half_and_come_back_in_id_order()
    {
        var stream = new MemoryBank(2).Stream("Sam");
        long[] ids = [.. Enumerable.Range(0, 5).Select(i => stream.Append(MemoryKind.Observation, $"same {i}", T0, 3, XY).Id)];

        IReadOnlyList<RetrievedMemory> results = stream.Rank(X, Hours(1));

        Assert.Equal(ids, results.Select(r => r.Memory.Id));
        Assert.All(results, r => AssertScores(r, recency: 0.5, importance: 0.5, relevance: 0.5, total: 1.5));
    }

    [Fact]
    public void Without_a_query_relevance_ties_at_one_half()
    {
        var stream = new MemoryBank(2).Stream("Sam");
        stream.Append(MemoryKind.Observation, "x", T0, 3, X);
        stream.Append(MemoryKind.Observation, "y", T0, 6, Y);

        Assert.All(stream.Rank([], Hours(1)), r => Assert.Equal(0.5, r.Relevance));
        Assert.All(stream.Rank([0, 0], Hours(1)), r => Assert.Equal(0.5, r.Relevance));
    }

    [Fact]
    public void Weights_scale_each_component_of_the_total()
    {
        var stream = new MemoryBank(2).Stream("Isabella");
        MemoryRecord relevant = stream.Append(MemoryKind.Observation, "relevant", T0, 1, X);
        MemoryRecord important = stream.Append(MemoryKind.Observation, "important", T0, 10, Y);

        var relevanceFirst = new RetrievalSettings(RecencyWeight: 0, ImportanceWeight: 1, RelevanceWeight: 3);
        var importanceFirst = new RetrievalSettings(RecencyWeight: 0, ImportanceWeight: 3, RelevanceWeight: 1);

        IReadOnlyList<RetrievedMemory> byRelevance = stream.Rank(X, Hours(1), relevanceFirst);
        Assert.Equal([relevant.Id, important.Id], byRelevance.Select(r => r.Memory.Id));
        Assert.Equal(3, byRelevance[0].Total, 6);
        Assert.Equal([important.Id, relevant.Id], stream.Rank(X, Hours(1), importanceFirst).Select(r => r.Memory.Id));
    }

    [Fact]
    public void Top_k_limits_the_results_and_the_settings_give_the_default()
    {
        var stream = new MemoryBank(2).Stream("Tom");
        for (int i = 0; i < 50; i++)
        {
            stream.Append(MemoryKind.Observation, $"m{i}", Hours(i), 1 + (i % 10), i % 2 == 0 ? X : Y);
        }

        Assert.Equal(30, stream.Rank(X, Hours(60)).Count);
        Assert.Equal(7, stream.Rank(X, Hours(60), k: 7).Count);
        Assert.Equal(4, stream.Rank(X, Hours(60), new RetrievalSettings(TopK: 4)).Count);
        Assert.Equal(50, stream.Rank(X, Hours(60), k: 500).Count);
    }

    [Fact]
    public void An_empty_stream_retrieves_nothing()
    {
        var stream = new MemoryBank(2).Stream("Nobody");

        Assert.Empty(stream.Retrieve(X, T0));
        Assert.Empty(stream.Rank([], T0));
    }

    [Fact]
    public void Memories_created_after_now_are_not_candidates()
    {
        var stream = new MemoryBank(2).Stream("Tom");
        MemoryRecord past = stream.Append(MemoryKind.Observation, "past", T0, 5, X);
        stream.Append(MemoryKind.Observation, "future", Hours(10), 10, X);

        RetrievedMemory only = Assert.Single(stream.Rank(X, Hours(5)));

        Assert.Equal(past.Id, only.Memory.Id);
        Assert.Empty(stream.Rank(X, T0.AddMinutes(-1)));
    }

    [Fact]
    public void Retrieve_sets_last_access_of_returned_memories_only_and_rank_changes_nothing()
    {
        var bank = new MemoryBank(2);
        var stream = bank.Stream("Tom");
        MemoryRecord hit = stream.Append(MemoryKind.Observation, "hit", T0, 9, X);
        MemoryRecord miss = stream.Append(MemoryKind.Observation, "miss", T0, 1, Y);

        stream.Rank(X, Hours(3), k: 1);
        Assert.Equal(T0, stream.Get(hit.Id).LastAccessed);

        RetrievedMemory returned = Assert.Single(stream.Retrieve(X, Hours(3), k: 1));

        Assert.Equal(hit.Id, returned.Memory.Id);
        Assert.Equal(Hours(3), returned.Memory.LastAccessed);
        Assert.Equal(Hours(3), stream.Get(hit.Id).LastAccessed);
        Assert.Equal(T0, stream.Get(miss.Id).LastAccessed);
    }

    [Fact]
    public void Invalid_settings_and_query_are_rejected()
    {
        var stream = new MemoryBank(2).Stream("Tom");
        stream.Append(MemoryKind.Observation, "m", T0, 5, X);

        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Rank(X, T0, new RetrievalSettings(RecencyDecay: 1.5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Rank(X, T0, new RetrievalSettings(RelevanceWeight: -1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.Rank(X, T0, k: 0));
        Assert.Throws<ArgumentException>(() => stream.Rank([1, 2, 3], T0));
    }

    private static void AssertScores(RetrievedMemory result, double recency, double importance, double relevance, double total)
    {
        Assert.Equal(recency, result.Recency, 1e-5);
        Assert.Equal(importance, result.Importance, 1e-5);
        Assert.Equal(relevance, result.Relevance, 1e-5);
        Assert.Equal(total, result.Total, 1e-5);
    }
}
