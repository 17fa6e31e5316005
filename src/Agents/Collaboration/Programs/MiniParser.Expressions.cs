using System.Globalization;
using System.Runtime.CompilerServices;

namespace Agents.Collaboration.Programs;

// The parser's expressions, by precedence: or, and, not, comparison, sum, product, unary, postfix, primary.
public static partial class MiniParser
{
    private sealed partial class Parser
    {
        private MiniExpr ParseExpr()
        {
            if (++_nesting > MaxNesting || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                throw Error(Current, $"expressions are nested more than {MaxNesting} deep.");
            }

            var result = ParseOr();
            _nesting--;
            return result;
        }

        private MiniExpr ParseOr()
        {
            var left = ParseAnd();
            while (Current.Is("or") || Current.Is("||"))
            {
                var op = Advance();
                left = new LogicExpr(At(op), false, left, ParseAnd());
            }

            return left;
        }

        private MiniExpr ParseAnd()
        {
            var left = ParseNot();
            while (Current.Is("and") || Current.Is("&&"))
            {
                var op = Advance();
                left = new LogicExpr(At(op), true, left, ParseNot());
            }

            return left;
        }

        private MiniExpr ParseNot()
        {
            if (Current.Is("not") || Current.Is("!"))
            {
                var op = Advance();
                return new UnaryExpr(At(op), "not", Nested(ParseNot));
            }

            return ParseComparison();
        }

        private MiniExpr ParseComparison()
        {
            var left = ParseSum();
            if (IsComparison(Current))
            {
                var op = Advance();
                left = new BinaryExpr(At(op), op.Text, left, ParseSum());
                if (IsComparison(Current))
                {
                    throw Error(Current, "comparisons do not chain; join them with 'and'.");
                }
            }

            return left;

            static bool IsComparison(MiniToken t) => t.Kind == MiniTokenKind.Symbol && t.Text is "==" or "!=" or "<" or "<=" or ">" or ">=";
        }

        private MiniExpr ParseSum()
        {
            var left = ParseProduct();
            while (Current.Is("+") || Current.Is("-"))
            {
                var op = Advance();
                left = new BinaryExpr(At(op), op.Text, left, ParseProduct());
            }

            return left;
        }

        private MiniExpr ParseProduct()
        {
            var left = ParseUnary();
            while (Current.Is("*") || Current.Is("/") || Current.Is("//") || Current.Is("%"))
            {
                var op = Advance();
                left = new BinaryExpr(At(op), op.Text, left, ParseUnary());
            }

            return left;
        }

        private MiniExpr ParseUnary()
        {
            if (Current.Is("-"))
            {
                var op = Advance();
                if (Current.Kind is MiniTokenKind.Integer or MiniTokenKind.Decimal)
                {
                    return ParsePostfix(Number(Advance(), negative: true));
                }

                return new UnaryExpr(At(op), "-", Nested(ParseUnary));
            }

            return ParsePostfix(ParsePrimary());
        }

        private MiniExpr ParsePostfix(MiniExpr target)
        {
            while (!Current.AfterNewline && Current.Is("["))
            {
                var open = Advance();
                MiniExpr? from = Current.Is(":") ? null : ParseExpr();
                if (Accept(":"))
                {
                    var to = Current.Is("]") ? null : ParseExpr();
                    Expect("]", "to close the slice");
                    target = new SliceExpr(At(open), target, from, to);
                }
                else
                {
                    Expect("]", "to close the index");
                    target = new IndexExpr(At(open), target, from!);
                }
            }

            return target;
        }

        private MiniExpr ParsePrimary()
        {
            var token = Current;
            switch (token.Kind)
            {
                case MiniTokenKind.Integer or MiniTokenKind.Decimal:
                    return Number(Advance(), negative: false);
                case MiniTokenKind.Text:
                    Advance();
                    return new LiteralExpr(At(token), MiniValue.Of(token.Text));
                case MiniTokenKind.Name:
                    return ParseName();
                case MiniTokenKind.End:
                    throw Error(token, "expected an expression; the file ended.");
            }

            if (token.Is("true") || token.Is("false"))
            {
                Advance();
                return new LiteralExpr(At(token), MiniValue.Of(token.Text == "true"));
            }

            if (token.Is("("))
            {
                Advance();
                var inner = ParseExpr();
                Expect(")", "to close '('");
                return inner;
            }

            if (token.Is("["))
            {
                Advance();
                var items = new List<MiniExpr>();
                if (!Accept("]"))
                {
                    do
                    {
                        items.Add(ParseExpr());
                    }
                    while (Accept(","));
                    Expect("]", "to close the list");
                }

                return new ListExpr(At(token), items.ToArray());
            }

            if (token.Is("{"))
            {
                return ParseBlock();
            }

            if (token.Is("if"))
            {
                return ParseIf();
            }

            if (token.Is("let"))
            {
                throw Error(token, "'let' starts a binding inside a block { let x = ...; result } or at the top level, not in the middle of an expression.");
            }

            throw Error(token, $"expected an expression; found {token.Describe()}.");
        }

        private MiniExpr ParseName()
        {
            var token = Advance();
            var name = token.Text;
            if (Current.Is("(") && !Current.AfterNewline)
            {
                Advance();
                var arguments = new List<MiniExpr>();
                if (!Accept(")"))
                {
                    do
                    {
                        arguments.Add(ParseExpr());
                    }
                    while (Accept(","));
                    Expect(")", $"to close the arguments of '{name}'");
                }

                if (MiniBuiltins.Arity.TryGetValue(name, out var arity))
                {
                    if (arguments.Count < arity.Min || arguments.Count > arity.Max)
                    {
                        var expected = arity.Min == arity.Max ? Plural(arity.Min, "argument") : $"{arity.Min} or {arity.Max} arguments";
                        throw Error(token, $"'{name}' takes {expected}; found {arguments.Count}.");
                    }

                    return new BuiltinExpr(At(token), name, arguments.ToArray());
                }

                var slot = table.Function(name, At(token));
                if (slot.Definition is { } definition && definition.Parameters.Length != arguments.Count)
                {
                    throw Error(token, $"'{name}' takes {Plural(definition.Parameters.Length, "argument")}; found {arguments.Count}.");
                }

                if (slot.Definition is null && slot.FirstArity >= 0 && slot.FirstArity != arguments.Count)
                {
                    throw Error(token, $"'{name}' is called with {Plural(arguments.Count, "argument")} here but with {slot.FirstArity} at {slot.FirstUse}.");
                }

                slot.FirstArity = arguments.Count;
                return new CallExpr(At(token), slot, arguments.ToArray());
            }

            for (var i = _scopes.Count - 1; i >= 0; i--)
            {
                if (_scopes[i].TryGetValue(name, out var local))
                {
                    return new LocalExpr(At(token), name, local);
                }
            }

            if (table.Functions.ContainsKey(name) || MiniBuiltins.Arity.ContainsKey(name))
            {
                throw Error(token, $"'{name}' is a function; call it as {name}(...).");
            }

            return new GlobalExpr(At(token), table.Global(name, At(token)));
        }

        private BlockExpr ParseBlock()
        {
            var open = Expect("{", "to open the block");
            var scope = new Dictionary<string, int>(StringComparer.Ordinal);
            _scopes.Add(scope);
            var lets = new List<(int, MiniExpr)>();
            while (Current.Is("let"))
            {
                Advance();
                var name = ExpectName("a name after 'let'");
                Expect("=", $"after 'let {name.Text}'");
                var value = ParseExpr();
                Accept(";");

                // The new binding is visible only after its own value, so "let x = x + 1" reads the outer x.
                scope[name.Text] = _frameSize;
                lets.Add((_frameSize++, value));
            }

            if (Current.Is("}"))
            {
                throw Error(Current, "a block ends with an expression, its value; found '}'.");
            }

            var result = ParseExpr();
            Accept(";");
            if (!Current.Is("}"))
            {
                throw Error(Current, Current.Is("let")
                    ? "'let' must come before the block's final expression."
                    : $"expected '}}' to close the block opened at {open.Line}:{open.Column}; found {Current.Describe()}.");
            }

            Advance();
            _scopes.RemoveAt(_scopes.Count - 1);
            return new BlockExpr(At(open), lets.ToArray(), result);
        }

        private IfExpr ParseIf()
        {
            var start = Advance();
            var condition = ParseExpr();
            MiniExpr then;
            if (Accept("then"))
            {
                then = ParseExpr();
            }
            else if (Current.Is("{"))
            {
                then = ParseBlock();
            }
            else
            {
                throw Error(Current, $"expected '{{' or 'then' after the condition of 'if'; found {Current.Describe()}.");
            }

            if (!Accept("else"))
            {
                throw Error(Current, $"expected 'else': every 'if' has a value in both cases; found {Current.Describe()}.");
            }

            return new IfExpr(At(start), condition, then, ParseExpr());
        }

        private LiteralExpr Number(MiniToken token, bool negative)
        {
            var text = negative ? "-" + token.Text : token.Text;
            if (token.Kind == MiniTokenKind.Integer)
            {
                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                    ? new LiteralExpr(At(token), MiniValue.Of(integer))
                    : throw Error(token, $"the integer {text} is too large (at most 19 digits).");
            }

            return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? new LiteralExpr(At(token), MiniValue.Of(number))
                : throw Error(token, $"the decimal {text} is too large.");
        }

        private MiniExpr Nested(Func<MiniExpr> parse)
        {
            if (++_nesting > MaxNesting || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                throw Error(Current, $"expressions are nested more than {MaxNesting} deep.");
            }

            var result = parse();
            _nesting--;
            return result;
        }

        private MiniToken Advance() => tokens[_position < tokens.Count - 1 ? _position++ : _position];

        private bool Accept(string symbol)
        {
            if (!Current.Is(symbol))
            {
                return false;
            }

            Advance();
            return true;
        }

        private MiniToken Expect(string symbol, string why) =>
            Current.Is(symbol) ? Advance() : throw Error(Current, $"expected '{symbol}' {why}; found {Current.Describe()}.");

        private MiniToken ExpectName(string what) =>
            Current.Kind == MiniTokenKind.Name ? Advance()
            : Current.Kind == MiniTokenKind.Keyword ? throw Error(Current, $"expected {what}; '{Current.Text}' is a keyword.")
            : throw Error(Current, $"expected {what}; found {Current.Describe()}.");

        private MiniPlace At(MiniToken token) => new(file, token.Line, token.Column);

        private MiniSyntaxException Error(MiniToken token, string problem) => new(file, token.Line, token.Column, problem);
    }
}
