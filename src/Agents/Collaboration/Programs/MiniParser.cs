namespace Agents.Collaboration.Programs;

/// <summary>
/// Parses Mini source into a <see cref="MiniProgram"/>, resolving every name (locals, top-level lets, functions and
/// built-ins) and checking call arity, so a program that parses cannot fail on an unknown name. Errors are
/// <see cref="MiniSyntaxException"/>s that name file, line and column. Stateless and thread-safe.
/// </summary>
public static partial class MiniParser
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

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
