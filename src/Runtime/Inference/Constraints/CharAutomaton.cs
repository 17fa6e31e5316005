namespace Agents.Runtime.Inference.Constraints;

/// <summary>
/// An incremental recogniser over characters: a Thompson NFA built from a regex, determinised lazily (each DFA state
/// is a set of NFA states, each move computed once and memoised). States are small integers, -1 is dead, so callers
/// can cache per-state data. Not thread-safe: use it from one thread (the model thread).
/// </summary>
public sealed class CharAutomaton
{
    private const int MaxNfaStates = 200_000;
    private readonly List<List<(CharClass? On, int To)>> nfa = [];
    private readonly int accept;
    private readonly List<int[]> states = [];
    private readonly List<bool> accepting = [];
    private readonly Dictionary<string, int> ids = [];
    private readonly Dictionary<(int State, char C), int> moves = [];

    private CharAutomaton(RegexNode root)
    {
        var (start, end) = Build(root);
        accept = end;
        Start = Intern(Closure([start]));
    }

    /// <summary>The state before any character.</summary>
    public int Start { get; }

    /// <summary>Compiles <paramref name="pattern"/> (whole-string match).</summary>
    /// <exception cref="Inference.ConstraintException">The pattern is outside the supported subset.</exception>
    public static CharAutomaton FromRegex(string pattern) => new(RegexParser.Parse(pattern));

    /// <summary>The state after <paramref name="c"/> from <paramref name="state"/>, or -1 when no match can follow.</summary>
    public int Next(int state, char c)
    {
        if (state < 0)
        {
            return -1;
        }

        if (moves.TryGetValue((state, c), out var next))
        {
            return next;
        }

        var targets = new List<int>();
        foreach (var s in states[state])
        {
            foreach (var (on, to) in nfa[s])
            {
                if (on is not null && on.Contains(c))
                {
                    targets.Add(to);
                }
            }
        }

        next = targets.Count == 0 ? -1 : Intern(Closure(targets));
        moves[(state, c)] = next;
        return next;
    }

    /// <summary>The state after all of <paramref name="text"/>, or -1.</summary>
    public int Run(int state, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            state = Next(state, c);
            if (state < 0)
            {
                return -1;
            }
        }

        return state;
    }

    /// <summary>True when the text read so far is a whole match.</summary>
    public bool IsAccepting(int state) => state >= 0 && accepting[state];

    /// <summary>True when <paramref name="text"/> matches as a whole.</summary>
    public bool Matches(string text) => IsAccepting(Run(Start, text));

    private int Intern(int[] set)
    {
        var key = string.Join(',', set);
        if (!ids.TryGetValue(key, out var id))
        {
            id = states.Count;
            states.Add(set);
            accepting.Add(Array.IndexOf(set, accept) >= 0);
            ids[key] = id;
        }

        return id;
    }

    private int[] Closure(IEnumerable<int> seeds)
    {
        var seen = new HashSet<int>();
        var stack = new Stack<int>(seeds);
        while (stack.Count > 0)
        {
            var s = stack.Pop();
            if (!seen.Add(s))
            {
                continue;
            }

            foreach (var (on, to) in nfa[s])
            {
                if (on is null)
                {
                    stack.Push(to);
                }
            }
        }

        var result = seen.ToArray();
        Array.Sort(result);
        return result;
    }

    private int NewState()
    {
        if (nfa.Count >= MaxNfaStates)
        {
            throw new Inference.ConstraintException($"The constraint is too large (more than {MaxNfaStates} automaton states); lower its repeat bounds.");
        }

        nfa.Add([]);
        return nfa.Count - 1;
    }

    private (int Start, int End) Build(RegexNode node)
    {
        switch (node)
        {
            case RegexNode.Chars chars:
            {
                int s = NewState(), e = NewState();
                nfa[s].Add((chars.Class, e));
                return (s, e);
            }

            case RegexNode.Sequence sequence:
            {
                var s = NewState();
                var end = s;
                foreach (var item in sequence.Items)
                {
                    var (a, b) = Build(item);
                    nfa[end].Add((null, a));
                    end = b;
                }

                return (s, end);
            }

            case RegexNode.Choice choice:
            {
                int s = NewState(), e = NewState();
                foreach (var option in choice.Options)
                {
                    var (a, b) = Build(option);
                    nfa[s].Add((null, a));
                    nfa[b].Add((null, e));
                }

                return (s, e);
            }

            case RegexNode.Repeat repeat:
            {
                var s = NewState();
                var end = s;
                for (var i = 0; i < repeat.Min; i++)
                {
                    var (a, b) = Build(repeat.Item);
                    nfa[end].Add((null, a));
                    end = b;
                }

                if (repeat.Max < 0)
                {
                    var (a, b) = Build(repeat.Item);
                    var loop = NewState();
                    nfa[end].Add((null, loop));
                    nfa[loop].Add((null, a));
                    nfa[b].Add((null, loop));
                    return (s, loop);
                }

                var exit = NewState();
                nfa[end].Add((null, exit));
                for (var i = repeat.Min; i < repeat.Max; i++)
                {
                    var (a, b) = Build(repeat.Item);
                    nfa[end].Add((null, a));
                    nfa[b].Add((null, exit));
                    end = b;
                }

                return (s, exit);
            }

            default:
                throw new InvalidOperationException($"Unknown regex node {node}.");
        }
    }
}
