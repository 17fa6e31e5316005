using System.Globalization;
using System.Text;

namespace Agents.Memory.Reflection;

/// <summary>
/// The view over evidence edges of a set of memories: a reflection's children are the memories it cites, its
/// parents the memories that cite it. Leaves are observations; depth grows with abstraction. Built as an immutable
/// snapshot (thread-safe to read); construction checks the edges and throws <see cref="MemoryException"/> when a
/// memory cites itself, a later or unknown memory, or carries a depth its evidence does not give.
/// </summary>
public sealed class ReflectionTree
{
    private readonly Dictionary<long, MemoryRecord> byId = [];
    private readonly Dictionary<long, List<MemoryRecord>> citedBy = [];

    /// <summary>Builds the tree over <paramref name="memories"/> (any order) and checks it.</summary>
    public ReflectionTree(IEnumerable<MemoryRecord> memories)
    {
        ArgumentNullException.ThrowIfNull(memories);
        foreach (MemoryRecord memory in memories.OrderBy(m => m.Id))
        {
            if (!byId.TryAdd(memory.Id, memory))
            {
                throw new MemoryException($"Memory #{memory.Id} appears twice in the reflection tree's input.");
            }
        }

        foreach (MemoryRecord memory in byId.Values)
        {
            Check(memory);
            foreach (long id in memory.Evidence)
            {
                if (!citedBy.TryGetValue(id, out List<MemoryRecord>? parents))
                {
                    parents = [];
                    citedBy.Add(id, parents);
                }

                parents.Add(memory);
            }
        }

        Roots = [.. byId.Values.Where(m => m.Evidence.Count > 0 && !citedBy.ContainsKey(m.Id)).OrderBy(m => m.Id)];
    }

    /// <summary>The memories that cite evidence and are cited by nothing, oldest first: the tops of the tree.</summary>
    public IReadOnlyList<MemoryRecord> Roots { get; }

    /// <summary>How many memories the tree holds (leaves included).</summary>
    public int Count => byId.Count;

    /// <summary>The tree of one agent's memories as they are now.</summary>
    public static ReflectionTree Of(MemoryStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new ReflectionTree(stream.All);
    }

    /// <summary>The memory with <paramref name="id"/>; throws <see cref="MemoryException"/> when the tree has none.</summary>
    public MemoryRecord Get(long id) =>
        byId.TryGetValue(id, out MemoryRecord? memory) ? memory : throw new MemoryException($"The reflection tree has no memory #{id}.");

    /// <summary>The evidence <paramref name="id"/> cites, in the order it cites it (one level down).</summary>
    public IReadOnlyList<MemoryRecord> Children(long id) => [.. Get(id).Evidence.Select(Get)];

    /// <summary>The memories that cite <paramref name="id"/>, oldest first (one level up).</summary>
    public IReadOnlyList<MemoryRecord> Parents(long id)
    {
        Get(id);
        return citedBy.TryGetValue(id, out List<MemoryRecord>? parents) ? parents.AsReadOnly() : [];
    }

    /// <summary>Everything below <paramref name="id"/> (its evidence, their evidence...), each once, nearest first.</summary>
    public IReadOnlyList<MemoryRecord> Descendants(long id) => Reach(id, Children);

    /// <summary>Everything above <paramref name="id"/> (what cites it, what cites those...), each once, nearest first.</summary>
    public IReadOnlyList<MemoryRecord> Ancestors(long id) => Reach(id, Parents);

    /// <summary>
    /// Depth-first walk from each root down to the observations, children in citation order. A memory shared by
    /// several reflections is walked below its first appearance only.
    /// </summary>
    public IReadOnlyList<ReflectionTreeLine> Walk()
    {
        var lines = new List<ReflectionTreeLine>();
        var seen = new HashSet<long>();
        foreach (MemoryRecord root in Roots)
        {
            WalkFrom(root, 0, lines, seen);
        }

        return lines;
    }

    /// <summary>The walk as indented text, one memory per line, for the command line and reports.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        foreach (ReflectionTreeLine line in Walk())
        {
            MemoryRecord m = line.Memory;
            text.Append(' ', 2 * line.Level)
                .Append(CultureInfo.InvariantCulture, $"#{m.Id} {m.Kind.ToString().ToLowerInvariant()} (depth {m.Depth}, importance {m.Importance}) {m.Text}")
                .Append(line.SeenBefore ? " (shown above)" : "")
                .Append('\n');
        }

        return text.ToString();
    }

    private void WalkFrom(MemoryRecord memory, int level, List<ReflectionTreeLine> lines, HashSet<long> seen)
    {
        bool seenBefore = !seen.Add(memory.Id);
        lines.Add(new ReflectionTreeLine(memory, level, seenBefore));
        if (seenBefore)
        {
            return;
        }

        foreach (long id in memory.Evidence)
        {
            WalkFrom(byId[id], level + 1, lines, seen);
        }
    }

    private List<MemoryRecord> Reach(long id, Func<long, IReadOnlyList<MemoryRecord>> step)
    {
        Get(id);
        var reached = new List<MemoryRecord>();
        var seen = new HashSet<long> { id };
        var frontier = new Queue<long>();
        frontier.Enqueue(id);
        while (frontier.Count > 0)
        {
            foreach (MemoryRecord next in step(frontier.Dequeue()))
            {
                if (seen.Add(next.Id))
                {
                    reached.Add(next);
                    frontier.Enqueue(next.Id);
                }
            }
        }

        return reached;
    }

    private void Check(MemoryRecord memory)
    {
        int deepest = 0;
        foreach (long id in memory.Evidence)
        {
            if (id == memory.Id)
            {
                throw new MemoryException($"Memory #{memory.Id} of {memory.Owner} cites itself.");
            }

            if (!byId.TryGetValue(id, out MemoryRecord? source))
            {
                throw new MemoryException($"Memory #{memory.Id} of {memory.Owner} cites #{id}, which is not among the memories given.");
            }

            if (id > memory.Id || source.Created > memory.Created)
            {
                throw new MemoryException($"Memory #{memory.Id} of {memory.Owner} cites #{id}, a later memory; evidence must come before what cites it.");
            }

            deepest = Math.Max(deepest, source.Depth);
        }

        int expected = memory.Evidence.Count > 0 ? deepest + 1 : memory.Kind == MemoryKind.Reflection ? 1 : 0;
        if (memory.Depth != expected)
        {
            throw new MemoryException($"Memory #{memory.Id} of {memory.Owner} has depth {memory.Depth}; its evidence gives {expected}.");
        }
    }
}
