namespace Agents.Runtime.Inference.Constraints;

/// <summary>
/// The compiled constraints of recent patterns, least recently used first out. Agents ask with patterns built from
/// their prompts (a place choice's options, a schedule's activities), so most patterns are seen once or a few times;
/// an unbounded cache would keep every automaton and its token masks for the life of a run or a server. A constraint
/// dropped here stays valid for the sequences that hold it. Not thread-safe: the model thread only.
/// </summary>
/// <param name="capacity">How many patterns to keep.</param>
internal sealed class ConstraintCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Pattern, TokenConstraint Constraint)>> byPattern = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Pattern, TokenConstraint Constraint)> recency = new();

    /// <summary>How many patterns are kept now.</summary>
    public int Count => byPattern.Count;

    /// <summary>The constraint compiled for <paramref name="pattern"/>, compiling it with <paramref name="compile"/> when not kept.</summary>
    public TokenConstraint GetOrAdd(string pattern, Func<string, TokenConstraint> compile)
    {
        ArgumentNullException.ThrowIfNull(compile);
        if (byPattern.TryGetValue(pattern, out var node))
        {
            recency.Remove(node);
            recency.AddFirst(node);
            return node.Value.Constraint;
        }

        var compiled = compile(pattern);
        byPattern[pattern] = recency.AddFirst((pattern, compiled));
        if (byPattern.Count > capacity)
        {
            byPattern.Remove(recency.Last!.Value.Pattern);
            recency.RemoveLast();
        }

        return compiled;
    }
}
