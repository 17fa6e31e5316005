namespace Agents.Collaboration.Programs;

/// <summary>
/// A parsed, resolved Mini program: functions and top-level lets over one or more files. It runs only through
/// <see cref="Evaluate"/> and <see cref="Call"/>, each run with its own budget (see <see cref="MiniLimits"/>); a program
/// has no access to files, the network, the clock or any other part of the host. Immutable and thread-safe.
/// </summary>
public sealed class MiniProgram
{
    private readonly IReadOnlyList<MiniGlobal> _globals;

    internal MiniProgram(IReadOnlyDictionary<string, string> files, Dictionary<string, MiniFunctionSlot> functions, List<MiniGlobal> globals)
    {
        Files = new Dictionary<string, string>(files, StringComparer.Ordinal);
        FunctionSlots = functions;
        _globals = globals;
        Functions = functions.Values
            .Select(s => s.Definition!)
            .OrderBy(d => d.Place.File, StringComparer.Ordinal)
            .ThenBy(d => d.Place.Line)
            .Select(d => new MiniFunctionInfo(d.Name, d.Parameters, d.Place.File, d.Place.Line, d.EndLine))
            .ToList();
    }

    /// <summary>The source files, by name.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>The functions, in file and line order.</summary>
    public IReadOnlyList<MiniFunctionInfo> Functions { get; }

    internal IReadOnlyDictionary<string, MiniFunctionSlot> FunctionSlots { get; }

    internal IReadOnlyList<MiniGlobal> Globals => _globals;

    /// <summary>True when the program defines a function <paramref name="name"/>.</summary>
    public bool Defines(string name) => FunctionSlots.ContainsKey(name);

    /// <summary>Evaluates <paramref name="expression"/> (e.g. <c>digit_sum(123)</c>) against the program's functions and lets.</summary>
    /// <exception cref="MiniSyntaxException">The expression does not parse or names something the program lacks.</exception>
    /// <exception cref="MiniRuntimeException">The run failed or passed a limit.</exception>
    public MiniValue Evaluate(string expression, MiniLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parsed = MiniParser.ParseExpression(expression, this, out var frameSize);
        return new MiniInterpreter(_globals, limits ?? MiniLimits.Default).Run(parsed, frameSize);
    }

    /// <summary>Calls <paramref name="function"/> with <paramref name="arguments"/>.</summary>
    /// <exception cref="ArgumentException">No such function, or the wrong number of arguments.</exception>
    /// <exception cref="MiniRuntimeException">The run failed or passed a limit.</exception>
    public MiniValue Call(string function, IReadOnlyList<MiniValue> arguments, MiniLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(arguments);
        if (!FunctionSlots.TryGetValue(function, out var slot) || slot.Definition is not { } definition)
        {
            throw new ArgumentException($"The program defines no function '{function}'.", nameof(function));
        }

        if (definition.Parameters.Length != arguments.Count)
        {
            throw new ArgumentException($"'{function}' takes {definition.Parameters.Length} arguments; got {arguments.Count}.", nameof(arguments));
        }

        var place = new MiniPlace("call", 1, 1);
        var call = new CallExpr(place, slot, arguments.Select(a => (MiniExpr)new LiteralExpr(place, a)).ToArray());
        return new MiniInterpreter(_globals, limits ?? MiniLimits.Default).Run(call, 0);
    }
}
