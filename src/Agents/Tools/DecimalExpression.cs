using System.Globalization;

namespace Agents.Tools;

/// <summary>
/// Evaluates arithmetic over decimals exactly (28 significant digits): + - * / with the usual precedence, unary
/// minus and parentheses. Stateless and thread-safe.
/// </summary>
public static class DecimalExpression
{
    /// <summary>The value of <paramref name="expression"/>.</summary>
    /// <exception cref="FormatException">The expression is malformed; the message says where.</exception>
    /// <exception cref="DivideByZeroException">A division by zero.</exception>
    /// <exception cref="OverflowException">A value leaves the decimal range.</exception>
    public static decimal Evaluate(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parser = new Parser(expression.Replace('×', '*').Replace('x', '*').Replace('÷', '/'));
        var value = parser.Sum();
        parser.SkipSpaces();
        if (!parser.AtEnd)
        {
            throw new FormatException($"unexpected '{parser.Current}' at position {parser.Position + 1}");
        }

        return value;
    }

    /// <summary>Formats a value without trailing zeros, in the invariant culture.</summary>
    public static string Format(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private sealed class Parser(string text)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        public char Current => text[Position];

        public void SkipSpaces()
        {
            while (!AtEnd && (char.IsWhiteSpace(Current) || Current == ','))
            {
                Position++;
            }
        }

        public decimal Sum()
        {
            var value = Product();
            while (true)
            {
                SkipSpaces();
                if (AtEnd || (Current != '+' && Current != '-'))
                {
                    return value;
                }

                var op = Current;
                Position++;
                var right = Product();
                value = op == '+' ? value + right : value - right;
            }
        }

        private decimal Product()
        {
            var value = Unary();
            while (true)
            {
                SkipSpaces();
                if (AtEnd || (Current != '*' && Current != '/'))
                {
                    return value;
                }

                var op = Current;
                Position++;
                var right = Unary();
                value = op == '*' ? value * right : value / right;
            }
        }

        private decimal Unary()
        {
            SkipSpaces();
            if (!AtEnd && Current == '-')
            {
                Position++;
                return -Unary();
            }

            if (!AtEnd && Current == '+')
            {
                Position++;
                return Unary();
            }

            return Atom();
        }

        private decimal Atom()
        {
            SkipSpaces();
            if (AtEnd)
            {
                throw new FormatException("the expression ends where a number was expected");
            }

            if (Current == '(')
            {
                Position++;
                var inner = Sum();
                SkipSpaces();
                if (AtEnd || Current != ')')
                {
                    throw new FormatException($"missing ')' at position {Position + 1}");
                }

                Position++;
                return inner;
            }

            var start = Position;
            while (!AtEnd && (char.IsAsciiDigit(Current) || Current == '.'))
            {
                Position++;
            }

            if (start == Position)
            {
                throw new FormatException($"expected a number at position {start + 1}, found '{Current}'");
            }

            return decimal.Parse(text.AsSpan(start, Position - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }
    }
}
