namespace Agents.Runtime.Inference.Constraints;

/// <summary>
/// Lifts a character recogniser to tokens: a token is allowed in a state when its whole text keeps the recogniser
/// alive; the end tokens only where it accepts. Masks are computed once per state and cached. Tokens whose text is
/// not whole characters (a split UTF-8 sequence) or that are special are never allowed. Model thread only.
/// </summary>
public sealed class TokenConstraint
{
    private readonly CharAutomaton automaton;
    private readonly IReadOnlyList<string?> texts;
    private readonly IReadOnlySet<int> endTokens;
    private readonly Dictionary<int, bool[]> masks = [];

    /// <summary>A constraint over a vocabulary whose token texts are <paramref name="tokenTexts"/> (null: never allowed).</summary>
    public TokenConstraint(CharAutomaton automaton, IReadOnlyList<string?> tokenTexts, IReadOnlySet<int> endTokens)
    {
        this.automaton = automaton;
        texts = tokenTexts;
        this.endTokens = endTokens;
    }

    /// <summary>The state before the reply.</summary>
    public int Start => automaton.Start;

    /// <summary>Number of states whose mask has been computed.</summary>
    public int CachedMasks => masks.Count;

    /// <summary>The tokens allowed in <paramref name="state"/> (cached; do not modify).</summary>
    public bool[] Allowed(int state)
    {
        if (masks.TryGetValue(state, out var mask))
        {
            return mask;
        }

        mask = new bool[texts.Count];
        for (var token = 0; token < texts.Count; token++)
        {
            mask[token] = endTokens.Contains(token) ? automaton.IsAccepting(state) : texts[token] is { } text && automaton.Run(state, text) >= 0;
        }

        masks[state] = mask;
        return mask;
    }

    /// <summary>True when <paramref name="token"/> keeps the recogniser alive from <paramref name="state"/>, without building the whole mask.</summary>
    public bool Allows(int state, int token) =>
        masks.TryGetValue(state, out var mask) ? mask[token]
        : endTokens.Contains(token) ? automaton.IsAccepting(state)
        : texts[token] is { } text && automaton.Run(state, text) >= 0;

    /// <summary>The state after <paramref name="token"/> (end tokens leave it unchanged), or -1.</summary>
    public int Advance(int state, int token) => endTokens.Contains(token) ? state : texts[token] is { } text ? automaton.Run(state, text) : -1;

    /// <summary>True when the reply so far is complete under the constraint.</summary>
    public bool IsAccepting(int state) => automaton.IsAccepting(state);
}
