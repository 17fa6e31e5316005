namespace Agents.Collaboration.Programs;

// The parser's top level: files of functions and top-level lets, standalone expressions, and literals.
public static partial class MiniParser
{
    private sealed partial class Parser(List<MiniToken> tokens, string file, Table table)
    {
        private readonly List<Dictionary<string, int>> _scopes = [];
        private int _position;
        private int _frameSize;
        private int _nesting;

        private MiniToken Current => tokens[_position];

        public void ParseFile()
        {
            while (Current.Kind != MiniTokenKind.End)
            {
                if (Current.Is("fn"))
                {
                    ParseFunction();
                }
                else if (Current.Is("let"))
                {
                    ParseGlobal();
                }
                else
                {
                    throw Error(Current, $"expected 'fn' or 'let' at the top level; found {Current.Describe()}.");
                }

                Accept(";");
            }
        }

        public MiniExpr ParseStandaloneExpression(out int frameSize)
        {
            _scopes.Add(new Dictionary<string, int>(StringComparer.Ordinal));
            var expression = ParseExpr();
            Accept(";");
            if (Current.Kind != MiniTokenKind.End)
            {
                throw Error(Current, $"expected the end of the expression; found {Current.Describe()}.");
            }

            frameSize = _frameSize;
            return expression;
        }

        public MiniValue ParseLiteralValue()
        {
            var value = Literal();
            if (Current.Kind != MiniTokenKind.End)
            {
                throw Error(Current, $"expected the end of the literal; found {Current.Describe()}.");
            }

            return value;

            MiniValue Literal()
            {
                var token = Current;
                if (token.Is("-") && tokens[_position + 1].Kind is MiniTokenKind.Integer or MiniTokenKind.Decimal)
                {
                    _position++;
                    return Number(Advance(), negative: true).Value;
                }

                if (token.Kind is MiniTokenKind.Integer or MiniTokenKind.Decimal)
                {
                    return Number(Advance(), negative: false).Value;
                }

                if (token.Kind == MiniTokenKind.Text)
                {
                    return MiniValue.Of(Advance().Text);
                }

                if (token.Is("true") || token.Is("false"))
                {
                    return MiniValue.Of(Advance().Text == "true");
                }

                if (token.Is("["))
                {
                    if (++_nesting > MaxNesting)
                    {
                        throw Error(token, $"lists are nested more than {MaxNesting} deep.");
                    }

                    Advance();
                    var items = new List<MiniValue>();
                    if (!Accept("]"))
                    {
                        do
                        {
                            items.Add(Literal());
                        }
                        while (Accept(","));
                        Expect("]", "to close the list");
                    }

                    _nesting--;
                    return MiniValue.ListOf(items);
                }

                throw Error(token, $"expected a literal (a number, string, true, false or a list); found {token.Describe()}.");
            }
        }

        private void ParseFunction()
        {
            var start = Advance();
            var nameToken = ExpectName("a function name after 'fn'");
            var name = nameToken.Text;
            var place = At(start);
            if (MiniBuiltins.Arity.ContainsKey(name))
            {
                throw Error(nameToken, $"'{name}' is a built-in function; choose another name.");
            }

            if (table.Globals.TryGetValue(name, out var global) && global.Place is { } globalPlace)
            {
                throw Error(nameToken, $"'{name}' is already a top-level let at {globalPlace}.");
            }

            var slot = table.Function(name, At(nameToken));
            if (slot.Definition is { } existing)
            {
                throw Error(nameToken, $"function '{name}' is already defined at {existing.Place}.");
            }

            _scopes.Clear();
            _frameSize = 0;
            var parameters = new List<string>();
            var scope = new Dictionary<string, int>(StringComparer.Ordinal);
            _scopes.Add(scope);
            Expect("(", $"after the function name '{name}'");
            if (!Accept(")"))
            {
                do
                {
                    var parameter = ExpectName("a parameter name");
                    if (!scope.TryAdd(parameter.Text, _frameSize++))
                    {
                        throw Error(parameter, $"parameter '{parameter.Text}' appears twice.");
                    }

                    parameters.Add(parameter.Text);
                }
                while (Accept(","));
                Expect(")", "to close the parameters");
            }

            if (slot.FirstArity >= 0 && slot.FirstArity != parameters.Count)
            {
                throw new MiniSyntaxException(slot.FirstUse.File, slot.FirstUse.Line, slot.FirstUse.Column, $"'{name}' takes {Plural(parameters.Count, "argument")} but is called with {slot.FirstArity}.");
            }

            MiniExpr body;
            if (Accept("="))
            {
                body = ParseExpr();
            }
            else if (Current.Is("{"))
            {
                body = ParseBlock();
            }
            else
            {
                throw Error(Current, $"expected '=' or '{{' after the parameters of '{name}'; found {Current.Describe()}.");
            }

            var endLine = tokens[_position - 1].Line;
            slot.Definition = new MiniFunctionDefinition(name, parameters.ToArray(), body, _frameSize, place, endLine);
            slot.FirstArity = parameters.Count;
            _scopes.Clear();
        }

        private void ParseGlobal()
        {
            var start = Advance();
            var nameToken = ExpectName("a name after 'let'");
            var name = nameToken.Text;
            if (MiniBuiltins.Arity.ContainsKey(name) || (table.Functions.TryGetValue(name, out var fn) && fn.Definition is not null))
            {
                throw Error(nameToken, $"'{name}' is already a function; choose another name.");
            }

            var global = table.Global(name, At(nameToken));
            if (global.Place is { } existing)
            {
                throw Error(nameToken, $"'{name}' is already defined at {existing}.");
            }

            global.Place = At(start);
            table.GlobalOrder.Add(global);
            Expect("=", $"after 'let {name}'");
            _scopes.Clear();
            _scopes.Add(new Dictionary<string, int>(StringComparer.Ordinal));
            _frameSize = 0;
            global.Value = ParseExpr();
            global.FrameSize = _frameSize;
            _scopes.Clear();
        }
    }
}
