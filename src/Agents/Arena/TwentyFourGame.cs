using System.Globalization;

namespace Agents.Arena;

/// <summary>
/// The 24 game: make 24 from four numbers, each used exactly once, with + - * / and parentheses. The checker parses
/// the submitted expression and evaluates it with exact rational arithmetic; the solver searches every way of
/// combining two numbers at a time. Stateless and thread-safe.
/// </summary>
public static class TwentyFourGame
{
    /// <summary>The target value.</summary>
    public const int Target = 24;

    /// <summary>True when <paramref name="expression"/> uses exactly <paramref name="numbers"/> (as a multiset) and equals 24 exactly.</summary>
    /// <param name="numbers">The numbers dealt.</param>
    /// <param name="expression">The submitted expression, e.g. "(8-4)*(7-1)"; "= 24" at its end is allowed.</param>
    /// <param name="reason">Why it is wrong, or empty.</param>
    public static bool Check(IReadOnlyList<int> numbers, string? expression, out string reason)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var text = (expression ?? string.Empty).Trim();
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            text = text[..equals];
        }

        var parser = new Parser(text.Replace('×', '*').Replace('÷', '/').Replace('x', '*'));
        Rational value;
        try
        {
            value = parser.Parse();
        }
        catch (FormatException e)
        {
            reason = e.Message;
            return false;
        }
        catch (DivideByZeroException)
        {
            reason = "the expression divides by zero";
            return false;
        }

        var used = parser.Literals.Order().ToList();
        if (!used.SequenceEqual(numbers.Order()))
        {
            reason = $"the expression uses {string.Join(", ", used)} but the numbers are {string.Join(", ", numbers.Order())}";
            return false;
        }

        if (value != Rational.Whole(Target))
        {
            reason = $"the expression equals {value}, not {Target}";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    /// <summary>True when <paramref name="expression"/> solves <paramref name="numbers"/>.</summary>
    public static bool Check(IReadOnlyList<int> numbers, string? expression) => Check(numbers, expression, out _);

    /// <summary>An expression that makes 24 from <paramref name="numbers"/> (the first found in a fixed order), or null when none does.</summary>
    public static string? Solve(IReadOnlyList<int> numbers) => Solutions(numbers).FirstOrDefault();

    /// <summary>Every expression the search finds for <paramref name="numbers"/>, in a fixed order (duplicates up to commutativity included).</summary>
    public static IEnumerable<string> Solutions(IReadOnlyList<int> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var start = numbers.Select(n => (Rational.Whole(n), n.ToString(CultureInfo.InvariantCulture), true)).ToList();
        return Search(start);
    }

    /// <summary>The numbers of a 24 question ("... the numbers 4, 7, 8, 8 ..."), in the order written; empty when there are none.</summary>
    public static IReadOnlyList<int> NumbersIn(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var at = question.IndexOf(TwentyFourTasks.NumbersLabel, StringComparison.Ordinal);
        if (at < 0)
        {
            return [];
        }

        var rest = question[(at + TwentyFourTasks.NumbersLabel.Length)..];
        var end = rest.IndexOf(" each", StringComparison.Ordinal);
        var list = end >= 0 ? rest[..end] : rest;
        var numbers = new List<int>();
        foreach (var part in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return [];
            }

            numbers.Add(n);
        }

        return numbers;
    }

    private static IEnumerable<string> Search(List<(Rational Value, string Text, bool Atom)> items)
    {
        if (items.Count == 1)
        {
            if (items[0].Value == Rational.Whole(Target))
            {
                yield return items[0].Text;
            }

            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            for (var j = 0; j < items.Count; j++)
            {
                if (i == j)
                {
                    continue;
                }

                var rest = items.Where((_, k) => k != i && k != j).ToList();
                var (a, b) = (items[i], items[j]);
                foreach (var combined in Combine(a, b, i < j))
                {
                    rest.Add(combined);
                    foreach (var found in Search(rest))
                    {
                        yield return found;
                    }

                    rest.RemoveAt(rest.Count - 1);
                }
            }
        }
    }

    private static IEnumerable<(Rational, string, bool)> Combine((Rational Value, string Text, bool Atom) a, (Rational Value, string Text, bool Atom) b, bool ordered)
    {
        string Wrap((Rational Value, string Text, bool Atom) x) => x.Atom ? x.Text : $"({x.Text})";
        if (ordered)
        {
            // Commutative operations once per pair.
            yield return (a.Value + b.Value, $"{Wrap(a)}+{Wrap(b)}", false);
            yield return (a.Value * b.Value, $"{Wrap(a)}*{Wrap(b)}", false);
        }

        yield return (a.Value - b.Value, $"{Wrap(a)}-{Wrap(b)}", false);
        if (!b.Value.IsZero)
        {
            yield return (a.Value / b.Value, $"{Wrap(a)}/{Wrap(b)}", false);
        }
    }

    // Binary + - * / and parentheses over whole numbers; no unary signs, as in the game.
    private sealed class Parser(string text)
    {
        private int _position;

        public List<int> Literals { get; } = [];

        public Rational Parse()
        {
            if (text.Trim().Length == 0)
            {
                throw new FormatException("the expression is empty");
            }

            var value = Sum();
            SkipSpaces();
            if (_position < text.Length)
            {
                throw new FormatException($"unexpected '{text[_position]}' at position {_position + 1}");
            }

            return value;
        }

        private Rational Sum()
        {
            var value = Product();
            while (true)
            {
                SkipSpaces();
                if (_position >= text.Length || (text[_position] != '+' && text[_position] != '-'))
                {
                    return value;
                }

                var op = text[_position++];
                var right = Product();
                value = op == '+' ? value + right : value - right;
            }
        }

        private Rational Product()
        {
            var value = Atom();
            while (true)
            {
                SkipSpaces();
                if (_position >= text.Length || (text[_position] != '*' && text[_position] != '/'))
                {
                    return value;
                }

                var op = text[_position++];
                var right = Atom();
                value = op == '*' ? value * right : value / right;
            }
        }

        private Rational Atom()
        {
            SkipSpaces();
            if (_position >= text.Length)
            {
                throw new FormatException("the expression ends where a number was expected");
            }

            if (text[_position] == '(')
            {
                _position++;
                var inner = Sum();
                SkipSpaces();
                if (_position >= text.Length || text[_position] != ')')
                {
                    throw new FormatException($"missing ')' at position {_position + 1}");
                }

                _position++;
                return inner;
            }

            var start = _position;
            while (_position < text.Length && char.IsAsciiDigit(text[_position]))
            {
                _position++;
            }

            if (start == _position || _position - start > 3)
            {
                throw new FormatException(start == _position
                    ? $"expected a number at position {start + 1}, found '{text[start]}'"
                    : $"the number at position {start + 1} is not one of the four");
            }

            var number = int.Parse(text.AsSpan(start, _position - start), NumberStyles.None, CultureInfo.InvariantCulture);
            Literals.Add(number);
            return Rational.Whole(number);
        }

        private void SkipSpaces()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }
    }
}
