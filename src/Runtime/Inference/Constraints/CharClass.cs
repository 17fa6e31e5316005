namespace Agents.Runtime.Inference.Constraints;

/// <summary>A set of characters as inclusive ranges, possibly negated. Immutable.</summary>
internal sealed class CharClass(IReadOnlyList<(char Low, char High)> ranges, bool negated)
{
    public static CharClass Any { get; } = new([], negated: true);

    public static CharClass Digit { get; } = new([('0', '9')], false);

    public static CharClass Word { get; } = new([('a', 'z'), ('A', 'Z'), ('0', '9'), ('_', '_')], false);

    public static CharClass Space { get; } = new([(' ', ' '), ('\t', '\r')], false);

    public IReadOnlyList<(char Low, char High)> Ranges { get; } = ranges;

    public bool Negated { get; } = negated;

    public static CharClass Of(char c) => new([(c, c)], false);

    public CharClass Negate() => new(Ranges, !Negated);

    public bool Contains(char c)
    {
        var inside = false;
        foreach (var (low, high) in Ranges)
        {
            if (c >= low && c <= high)
            {
                inside = true;
                break;
            }
        }

        return inside != Negated;
    }
}
