namespace Agents.Runtime.Inference.Constraints;

/// <summary>The syntax tree of a regular expression: a character class, a sequence, alternatives, or a bounded repeat (Max -1: unbounded).</summary>
internal abstract record RegexNode
{
    public sealed record Chars(CharClass Class) : RegexNode;

    public sealed record Sequence(IReadOnlyList<RegexNode> Items) : RegexNode;

    public sealed record Choice(IReadOnlyList<RegexNode> Options) : RegexNode;

    public sealed record Repeat(RegexNode Item, int Min, int Max) : RegexNode;
}
