using Agents.Memory.Reflection;
using static Agents.Memory.Tests.Fixtures;

namespace Agents.Memory.Tests.Reflection;

public sealed class ReflectionTreeTests
{
    private static readonly float[] X = [1, 0];

    // o1 o2 o3 observations; r1 cites o1, o2; r2 cites o2, o3; r3 cites r1, r2, o3.
    private readonly MemoryStream stream = new MemoryBank(2).Stream("Klaus");
    private readonly MemoryRecord o1, o2, o3, r1, r2, r3, lone;

    public ReflectionTreeTests()
    {
        o1 = stream.Append(MemoryKind.Observation, "Klaus reads in the library", T0, 2, X);
        o2 = stream.Append(MemoryKind.Observation, "Klaus writes notes on gentrification", T0, 4, X);
        o3 = stream.Append(MemoryKind.Observation, "Klaus talks with Maria about research", T0, 5, X);
        r1 = stream.Append(MemoryKind.Reflection, "Klaus is devoted to his research", Hours(1), 7, X, evidence: [o1.Id, o2.Id]);
        r2 = stream.Append(MemoryKind.Reflection, "Klaus and Maria share an interest", Hours(1), 6, X, evidence: [o2.Id, o3.Id]);
        r3 = stream.Append(MemoryKind.Reflection, "Klaus finds meaning in work shared with friends", Hours(2), 8, X, evidence: [r1.Id, r2.Id, o3.Id]);
        lone = stream.Append(MemoryKind.Observation, "the stove is idle", Hours(2), 1, X);
    }

    [Fact]
    public void Children_are_the_cited_evidence_and_parents_the_citing_memories()
    {
        var tree = ReflectionTree.Of(stream);

        Assert.Equal([r1.Id, r2.Id, o3.Id], tree.Children(r3.Id).Select(m => m.Id));
        Assert.Equal([r2.Id, r3.Id], tree.Parents(o3.Id).Select(m => m.Id));
        Assert.Empty(tree.Children(o1.Id));
        Assert.Empty(tree.Parents(lone.Id));
    }

    [Fact]
    public void Roots_are_reflections_nothing_cites()
    {
        Assert.Equal([r3.Id], ReflectionTree.Of(stream).Roots.Select(m => m.Id));
    }

    [Fact]
    public void Walking_down_reaches_every_evidence_once_and_walking_up_every_citer()
    {
        var tree = ReflectionTree.Of(stream);

        Assert.Equal([r1.Id, r2.Id, o3.Id, o1.Id, o2.Id], tree.Descendants(r3.Id).Select(m => m.Id));
        Assert.Equal([r1.Id, r2.Id, r3.Id], tree.Ancestors(o2.Id).Select(m => m.Id));
        Assert.Empty(tree.Ancestors(r3.Id));
    }

    [Fact]
    public void The_walk_indents_by_level_and_shows_shared_evidence_once()
    {
        var tree = ReflectionTree.Of(stream);

        IReadOnlyList<ReflectionTreeLine> walk = tree.Walk();

        Assert.Equal(
            [(r3.Id, 0, false), (r1.Id, 1, false), (o1.Id, 2, false), (o2.Id, 2, false), (r2.Id, 1, false), (o2.Id, 2, true), (o3.Id, 2, false), (o3.Id, 1, true)],
            walk.Select(l => (l.Memory.Id, l.Level, l.SeenBefore)));
        string[] text = tree.ToText().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"#{r3.Id} reflection (depth 2, importance 8) Klaus finds meaning in work shared with friends", text[0]);
        Assert.StartsWith($"    #{o1.Id} observation (depth 0", text[2], StringComparison.Ordinal);
        Assert.EndsWith("(shown above)", text[5], StringComparison.Ordinal);
    }

    [Fact]
    public void A_tree_over_records_that_cite_themselves_or_later_memories_is_rejected()
    {
        MemoryRecord self = r1 with { Evidence = [r1.Id] };
        MemoryRecord later = r1 with { Evidence = [lone.Id] };
        MemoryRecord missing = r1 with { Evidence = [12345] };
        MemoryRecord wrongDepth = r3 with { Depth = 5 };

        Assert.Contains("cites itself", Assert.Throws<MemoryException>(() => new ReflectionTree([o1, self])).Message, StringComparison.Ordinal);
        Assert.Contains("later", Assert.Throws<MemoryException>(() => new ReflectionTree([later, lone])).Message, StringComparison.Ordinal);
        Assert.Contains("#12345", Assert.Throws<MemoryException>(() => new ReflectionTree([missing])).Message, StringComparison.Ordinal);
        Assert.Contains("depth 5", Assert.Throws<MemoryException>(() => new ReflectionTree([o1, o2, o3, r1, r2, wrongDepth])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asking_about_an_unknown_memory_throws()
    {
        Assert.Throws<MemoryException>(() => ReflectionTree.Of(stream).Children(999));
    }
}
