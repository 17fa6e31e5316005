using System.Globalization;
using System.Runtime.CompilerServices;

namespace Agents.Collaboration.Programs;

/// <summary>
/// Parses Mini source into a <see cref="MiniProgram"/>, resolving every name (locals, top-level lets, functions and
/// built-ins) and checking call arity, so a program that parses cannot fail on an unknown name. Errors are
/// <see cref="MiniSyntaxException"/>s that name file, line and column. Stateless and thread-safe.
/// </summary>
public static class MiniParser
{
    /// <summary>The deepest nesting of expressions the parser accepts (deeper input is refused, never a stack overflow).</summary>
    public const int MaxNesting = 100;

    /// <summary>Parses one file of Mini source.</summary>
    /// <exception cref="MiniSyntaxException">The source does not parse or names something undefined.</exception>
    public static MiniProgram Parse(string source, string file = MiniLanguage.DefaultFile)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(file);
        return Parse(new Dictionary<string, string>(StringComparer.Ordinal) { [file] = source });
    }

    /// <summary>Parses several files (by name) into one program; a function may call functions of any file.</summary>
    /// <exception cref="MiniSyntaxException">A file does not parse, two definitions clash, or a name is undefined.</exception>
    public static MiniProgram Parse(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var table = new Table();
        foreach (var (file, source) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            new Parser(MiniLexer.Tokenize(source, file), file, table).ParseFile();
        }

        table.Check();
        return new MiniProgram(files, table.Functions, table.GlobalOrder);
    }

    internal static MiniExpr ParseExpression(string expression, MiniProgram program, out int frameSize)
    {
        const string file = "expression";
        var table = new Table(program);
        var parser = new Parser(MiniLexer.Tokenize(expression, file), file, table);
        var result = parser.ParseStandaloneExpression(out frameSize);
        return result;
    }

    internal static MiniValue ParseLiteral(string literal)
    {
        const string file = "literal";
        var parser = new Parser(MiniLexer.Tokenize(literal, file), file, new Table());
        return parser.ParseLiteralValue();
    }

    private sealed class Table
    {
        private readonly bool _readOnly;

        public Table()
        {
        }

        public Table(MiniProgram program)
        {
            _readOnly = true;
            foreach (var (name, slot) in program.FunctionSlots)
            {
                Functions[name] = slot;
            }

            foreach (var global in program.Globals)
            {
                Globals[global.Name] = global;
            }
        }

        public Dictionary<string, MiniFunctionSlot> Functions { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, MiniGlobal> Globals { get; } = new(StringComparer.Ordinal);

        public List<MiniGlobal> GlobalOrder { get; } = [];

        public MiniFunctionSlot Function(string name, MiniPlace place)
        {
            if (!Functions.TryGetValue(name, out var slot))
            {
                if (_readOnly)
                {
                    throw new MiniSyntaxException(place.File, place.Line, place.Column, $"unknown function '{name}'.");
                }

                slot = new MiniFunctionSlot(name, place);
                Functions[name] = slot;
            }

            return slot;
        }

        public MiniGlobal Global(string name, MiniPlace place)
        {
            if (!Globals.TryGetValue(name, out var global))
            {
                if (_readOnly)
                {
                    throw new MiniSyntaxException(place.File, place.Line, place.Column, $"unknown name '{name}'.");
                }

                global = new MiniGlobal(name, Globals.Count, place);
                Globals[name] = global;
            }

            return global;
        }

        public void Check()
        {
            foreach (var slot in Functions.Values.Where(s => s.Definition is null).OrderBy(s => s.FirstUse.File, StringComparer.Ordinal).ThenBy(s => s.FirstUse.Line).ThenBy(s => s.FirstUse.Column))
            {
                var known = Functions.Values.Where(s => s.Definition is not null).Select(s => s.Name).Concat(MiniBuiltins.Arity.Keys).ToList();
                throw new MiniSyntaxException(slot.FirstUse.File, slot.FirstUse.Line, slot.FirstUse.Column, $"unknown function '{slot.Name}'{Suggest(slot.Name, known)}");
            }

            foreach (var global in Globals.Values.Where(g => g.Value is null).OrderBy(g => g.FirstUse.File, StringComparer.Ordinal).ThenBy(g => g.FirstUse.Line).ThenBy(g => g.FirstUse.Column))
            {
                var problem = Functions.TryGetValue(global.Name, out var function) && function.Definition is not null
                    ? $"'{global.Name}' is a function; call it as {global.Name}(...)."
                    : $"unknown name '{global.Name}'.";
                throw new MiniSyntaxException(global.FirstUse.File, global.FirstUse.Line, global.FirstUse.Column, problem);
            }
        }

        private static string Suggest(string name, IEnumerable<string> known)
        {
            var close = known.FirstOrDefault(k => k.Replace("_", string.Empty, StringComparison.Ordinal).Equals(name.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
            return close is null ? "." : $"; did you mean '{close}'?";
        }
    }

    private sealed class Parser(List<MiniToken> tokens, string file, Table table)
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

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
