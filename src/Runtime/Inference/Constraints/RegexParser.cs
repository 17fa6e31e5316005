using System.Globalization;

namespace Agents.Runtime.Inference.Constraints;

/// <summary>
/// Parses the regex subset the constrained decoder supports: literals, escapes (\d \w \s and their negations, \n \t
/// \r \uXXXX, escaped punctuation), <c>.</c>, classes with ranges and negation, groups (plain or <c>(?:</c>),
/// alternation and the quantifiers * + ? {n} {n,} {n,m}. The whole reply must match; ^ and $ at the ends are ignored.
/// </summary>
internal sealed class RegexParser
{
    private const int MaxRepeat = 1000;
    private readonly string pattern;
    private int position;

    private RegexParser(string pattern) => this.pattern = pattern;

    public static RegexNode Parse(string pattern)
    {
        var body = pattern;
        if (body.StartsWith('^'))
        {
            body = body[1..];
        }

        if (body.EndsWith('$') && !body.EndsWith("\\$", StringComparison.Ordinal))
        {
            body = body[..^1];
        }

        var parser = new RegexParser(body);
        var node = parser.Alternation();
        if (parser.position < body.Length)
        {
            throw parser.Error($"unexpected '{body[parser.position]}'");
        }

        return node;
    }

    private RegexNode Alternation()
    {
        var options = new List<RegexNode> { Sequence() };
        while (Peek('|'))
        {
            position++;
            options.Add(Sequence());
        }

        return options.Count == 1 ? options[0] : new RegexNode.Choice(options);
    }

    private RegexNode Sequence()
    {
        var items = new List<RegexNode>();
        while (position < pattern.Length && pattern[position] != '|' && pattern[position] != ')')
        {
            items.Add(Quantified());
        }

        return items.Count == 1 ? items[0] : new RegexNode.Sequence(items);
    }

    private RegexNode Quantified()
    {
        var atom = Atom();
        while (position < pattern.Length)
        {
            var c = pattern[position];
            if (c == '*' || c == '+' || c == '?')
            {
                position++;
                atom = new RegexNode.Repeat(atom, c == '+' ? 1 : 0, c == '?' ? 1 : -1);
            }
            else if (c == '{' && TryBounds(out var min, out var max))
            {
                atom = new RegexNode.Repeat(atom, min, max);
            }
            else
            {
                break;
            }

            if (Peek('?'))
            {
                position++; // Lazy quantifiers match the same language.
            }
        }

        return atom;
    }

    private bool TryBounds(out int min, out int max)
    {
        min = max = 0;
        var close = pattern.IndexOf('}', position);
        if (close < 0)
        {
            return false;
        }

        var parts = pattern[(position + 1)..close].Split(',');
        if (parts.Length > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out min))
        {
            return false;
        }

        max = parts.Length == 1 ? min : parts[1].Length == 0 ? -1 : int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : -2;
        if (max == -2 || (max >= 0 && max < min) || min > MaxRepeat || max > MaxRepeat)
        {
            throw Error($"bad repeat bounds {{{pattern[(position + 1)..close]}}} (expected 0 <= min <= max <= {MaxRepeat})");
        }

        position = close + 1;
        return true;
    }

    private RegexNode Atom()
    {
        var c = pattern[position++];
        switch (c)
        {
            case '(':
                if (pattern.AsSpan(position).StartsWith("?:"))
                {
                    position += 2;
                }

                var inner = Alternation();
                if (!Peek(')'))
                {
                    throw Error("expected ')'");
                }

                position++;
                return inner;
            case '[':
                return new RegexNode.Chars(Class());
            case '.':
                return new RegexNode.Chars(CharClass.Any);
            case '\\':
                return new RegexNode.Chars(Escape(inClass: false));
            case '*' or '+' or '?' or ')':
                throw Error($"nothing to repeat or unbalanced '{c}'");
            default:
                return new RegexNode.Chars(CharClass.Of(c));
        }
    }

    private CharClass Class()
    {
        var negated = Peek('^');
        if (negated)
        {
            position++;
        }

        var ranges = new List<(char, char)>();
        var first = true;
        while (position < pattern.Length && (pattern[position] != ']' || first))
        {
            first = false;
            CharClass low;
            if (pattern[position] == '\\')
            {
                position++;
                low = Escape(inClass: true);
            }
            else
            {
                low = CharClass.Of(pattern[position++]);
            }

            if (low.Negated || low.Ranges.Count != 1 || low.Ranges[0].Low != low.Ranges[0].High)
            {
                if (low.Negated)
                {
                    throw Error("negated escapes inside a class are not supported");
                }

                ranges.AddRange(low.Ranges);
                continue;
            }

            var lowChar = low.Ranges[0].Low;
            if (position + 1 < pattern.Length && pattern[position] == '-' && pattern[position + 1] != ']')
            {
                position++;
                var high = pattern[position] == '\\' ? EscapedChar() : pattern[position++];
                if (high < lowChar)
                {
                    throw Error($"range {lowChar}-{high} is reversed");
                }

                ranges.Add((lowChar, high));
            }
            else
            {
                ranges.Add((lowChar, lowChar));
            }
        }

        if (!Peek(']'))
        {
            throw Error("expected ']'");
        }

        position++;
        return new CharClass(ranges, negated);
    }

    private char EscapedChar()
    {
        position++;
        var escaped = Escape(inClass: true);
        return escaped.Ranges.Count == 1 && !escaped.Negated && escaped.Ranges[0].Low == escaped.Ranges[0].High
            ? escaped.Ranges[0].Low
            : throw Error("a class range ends in a class");
    }

    private CharClass Escape(bool inClass)
    {
        if (position >= pattern.Length)
        {
            throw Error("dangling backslash");
        }

        var c = pattern[position++];
        return c switch
        {
            'd' => CharClass.Digit,
            'D' => CharClass.Digit.Negate(),
            'w' => CharClass.Word,
            'W' => CharClass.Word.Negate(),
            's' => CharClass.Space,
            'S' => CharClass.Space.Negate(),
            'n' => CharClass.Of('\n'),
            't' => CharClass.Of('\t'),
            'r' => CharClass.Of('\r'),
            'f' => CharClass.Of('\f'),
            'v' => CharClass.Of('\v'),
            'u' when position + 4 <= pattern.Length && ushort.TryParse(pattern.AsSpan(position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) =>
                Advance(4, CharClass.Of((char)code)),
            'x' when position + 2 <= pattern.Length && byte.TryParse(pattern.AsSpan(position, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b) =>
                Advance(2, CharClass.Of((char)b)),
            _ when char.IsLetterOrDigit(c) => throw Error($"unsupported escape \\{c}{(inClass ? " in a class" : string.Empty)}"),
            _ => CharClass.Of(c),
        };
    }

    private CharClass Advance(int count, CharClass result)
    {
        position += count;
        return result;
    }

    private bool Peek(char c) => position < pattern.Length && pattern[position] == c;

    private ConstraintException Error(string what) => new($"Regex \"{pattern}\" at {position}: {what}.");
}
