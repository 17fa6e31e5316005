using System.Globalization;
using System.Runtime.CompilerServices;

namespace Agents.Collaboration.Programs;

/// <summary>
/// Walks the syntax tree of one run. Every evaluated node costs a step, and every list or string built costs its
/// length, so the budget bounds time and memory; nested calls are bounded by the depth limit and by the thread's
/// stack. Integer arithmetic is checked; "//" and "%" floor (as Python does). One instance per run; not thread-safe.
/// </summary>
internal sealed class MiniInterpreter(IReadOnlyList<MiniGlobal> globals, MiniLimits limits)
{
    private readonly MiniValue?[] _globals = new MiniValue?[globals.Count];
    private long _steps;
    private int _depth;

    public MiniValue Run(MiniExpr expression, int frameSize)
    {
        foreach (var global in globals)
        {
            _globals[global.Index] = Eval(global.Value!, new MiniValue[global.FrameSize]);
        }

        return Eval(expression, new MiniValue[frameSize]);
    }

    private MiniValue Eval(MiniExpr expression, MiniValue[] frame)
    {
        if (++_steps > limits.StepBudget)
        {
            throw Error(MiniErrorKind.StepBudget, expression.Place, $"the step budget of {limits.StepBudget} ran out (an endless recursion, or too slow).");
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Error(MiniErrorKind.Depth, expression.Place, "expressions and calls are nested too deep for the stack.");
        }

        switch (expression)
        {
            case LiteralExpr literal:
                return literal.Value;
            case LocalExpr local:
                return frame[local.Slot];
            case GlobalExpr global:
                return _globals[global.Global.Index] ?? throw Error(MiniErrorKind.Type, global.Place, $"'{global.Global.Name}' is used before its definition at {global.Global.Place}.");
            case ListExpr list:
                var items = new MiniValue[list.Items.Length];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Eval(list.Items[i], frame);
                }

                return Built(MiniValue.Wrap(items), items.Length, list.Place);
            case UnaryExpr unary:
                return Unary(unary, Eval(unary.Operand, frame));
            case LogicExpr logic:
                var left = Bool(Eval(logic.Left, frame), logic.IsAnd ? "and" : "or", logic.Place);
                return logic.IsAnd
                    ? (left ? MiniValue.Of(Bool(Eval(logic.Right, frame), "and", logic.Place)) : MiniValue.Of(false))
                    : (left ? MiniValue.Of(true) : MiniValue.Of(Bool(Eval(logic.Right, frame), "or", logic.Place)));
            case BinaryExpr binary:
                return Binary(binary.Op, Eval(binary.Left, frame), Eval(binary.Right, frame), binary.Place);
            case IfExpr branch:
                var condition = Eval(branch.Condition, frame);
                if (condition.Kind != MiniValueKind.Boolean)
                {
                    throw Error(MiniErrorKind.Type, branch.Place, $"the condition of 'if' must be a boolean; found {condition.Describe()}.");
                }

                return Eval(condition.Boolean ? branch.Then : branch.Else, frame);
            case BlockExpr block:
                foreach (var (slot, value) in block.Lets)
                {
                    frame[slot] = Eval(value, frame);
                }

                return Eval(block.Result, frame);
            case CallExpr call:
                return Call(call, frame);
            case BuiltinExpr builtin:
                var arguments = new MiniValue[builtin.Arguments.Length];
                for (var i = 0; i < arguments.Length; i++)
                {
                    arguments[i] = Eval(builtin.Arguments[i], frame);
                }

                return Builtin(builtin.Name, arguments, builtin.Place);
            case IndexExpr index:
                return Index(Eval(index.Target, frame), Eval(index.Index, frame), index.Place);
            case SliceExpr slice:
                return Slice(Eval(slice.Target, frame), slice.From is null ? null : Eval(slice.From, frame), slice.To is null ? null : Eval(slice.To, frame), slice.Place);
            default:
                throw new InvalidOperationException($"Unknown node {expression.GetType().Name}.");
        }
    }

    private MiniValue Call(CallExpr call, MiniValue[] frame)
    {
        var definition = call.Function.Definition!;
        var callee = new MiniValue[definition.FrameSize];
        for (var i = 0; i < call.Arguments.Length; i++)
        {
            callee[i] = Eval(call.Arguments[i], frame);
        }

        if (++_depth > limits.MaxDepth)
        {
            throw Error(MiniErrorKind.Depth, call.Place, $"calls are nested more than {limits.MaxDepth} deep in '{definition.Name}' (an endless recursion?).");
        }

        var result = Eval(definition.Body, callee);
        _depth--;
        return result;
    }

    private static MiniValue Unary(UnaryExpr unary, MiniValue operand)
    {
        if (unary.Op == "not")
        {
            return operand.Kind == MiniValueKind.Boolean
                ? MiniValue.Of(!operand.Boolean)
                : throw Error(MiniErrorKind.Type, unary.Place, $"'not' needs a boolean; found {operand.Describe()}.");
        }

        return operand.Kind switch
        {
            MiniValueKind.Integer => Checked(() => MiniValue.Of(checked(-operand.Integer)), unary.Place),
            MiniValueKind.Decimal => MiniValue.Of(-operand.Number),
            _ => throw Error(MiniErrorKind.Type, unary.Place, $"'-' needs a number; found {operand.Describe()}."),
        };
    }

    private MiniValue Binary(string op, MiniValue a, MiniValue b, MiniPlace place)
    {
        switch (op)
        {
            case "==" or "!=":
                // Comparing shared structure can cost far more than one step: charge the smaller side's size.
                Charge(Math.Min(a.Weight, b.Weight), place);
                return MiniValue.Of(a.Equals(b) == (op == "=="));
            case "<" or "<=" or ">" or ">=":
                var order = Compare(op, a, b, place);
                return MiniValue.Of(op switch { "<" => order < 0, "<=" => order <= 0, ">" => order > 0, _ => order >= 0 });
            case "+" when a.Kind == MiniValueKind.Text && b.Kind == MiniValueKind.Text:
                return Built(MiniValue.Of(string.Concat(a.Text, b.Text)), a.Text.Length + b.Text.Length, place);
            case "+" when a.Kind == MiniValueKind.List && b.Kind == MiniValueKind.List:
                return Built(MiniValue.Wrap([.. a.ItemArray, .. b.ItemArray]), a.ItemArray.Length + b.ItemArray.Length, place);
        }

        if (!a.IsNumber || !b.IsNumber)
        {
            var hint = op == "+" && (a.Kind == MiniValueKind.Text || b.Kind == MiniValueKind.Text) ? " (use str(x) to turn a value into text)" : string.Empty;
            throw Error(MiniErrorKind.Type, place, $"'{op}' cannot combine {a.Describe()} and {b.Describe()}{hint}.");
        }

        if (op is "/" or "//" or "%" && b.Number == 0)
        {
            throw Error(MiniErrorKind.DivideByZero, place, $"'{op}' by zero.");
        }

        return Checked(
            () =>
            {
                if (a.Kind == MiniValueKind.Integer && b.Kind == MiniValueKind.Integer)
                {
                    long x = a.Integer, y = b.Integer;
                    switch (op)
                    {
                        case "+": return MiniValue.Of(checked(x + y));
                        case "-": return MiniValue.Of(checked(x - y));
                        case "*": return MiniValue.Of(checked(x * y));
                        case "//": return MiniValue.Of(FloorDivide(x, y));
                        case "%": return MiniValue.Of(FloorModulo(x, y));
                    }
                }

                decimal p = a.Number, q = b.Number;
                return op switch
                {
                    "+" => MiniValue.Of(p + q),
                    "-" => MiniValue.Of(p - q),
                    "*" => MiniValue.Of(p * q),
                    "/" => MiniValue.Of(p / q),
                    "//" => MiniValue.Of(decimal.Floor(p / q)),
                    _ => MiniValue.Of(p - (q * decimal.Floor(p / q))),
                };
            },
            place);
    }

    /// <summary>Floor division as Python's "//": the quotient rounded toward negative infinity.</summary>
    internal static long FloorDivide(long x, long y)
    {
        var quotient = checked(x / y);
        return (x % y != 0 && ((x < 0) != (y < 0))) ? quotient - 1 : quotient;
    }

    /// <summary>The remainder with the divisor's sign, as Python's "%".</summary>
    internal static long FloorModulo(long x, long y)
    {
        if (y == -1)
        {
            return 0;
        }

        var remainder = x % y;
        return (remainder != 0 && ((remainder < 0) != (y < 0))) ? remainder + y : remainder;
    }

    private static int Compare(string op, MiniValue a, MiniValue b, MiniPlace place)
    {
        if (a.IsNumber && b.IsNumber)
        {
            return a.Kind == MiniValueKind.Integer && b.Kind == MiniValueKind.Integer ? a.Integer.CompareTo(b.Integer) : a.Number.CompareTo(b.Number);
        }

        if (a.Kind == MiniValueKind.Text && b.Kind == MiniValueKind.Text)
        {
            return string.CompareOrdinal(a.Text, b.Text);
        }

        throw Error(MiniErrorKind.Type, place, $"'{op}' compares two numbers or two strings; found {a.Describe()} and {b.Describe()}.");
    }

    private MiniValue Index(MiniValue target, MiniValue index, MiniPlace place)
    {
        var length = Length(target, "indexing", place);
        var i = WholeNumber(index, "an index", place);
        var at = i < 0 ? i + length : i;
        if (at < 0 || at >= length)
        {
            throw Error(MiniErrorKind.Index, place, length == 0
                ? $"index {i} is out of range: the {target.KindName} is empty."
                : $"index {i} is out of range for a {target.KindName} of length {length} (0 to {length - 1}, or -{length} to -1 from the end).");
        }

        return target.Kind == MiniValueKind.Text ? MiniValue.Of(target.Text[(int)at].ToString()) : target.ItemArray[at];
    }

    private MiniValue Slice(MiniValue target, MiniValue? from, MiniValue? to, MiniPlace place)
    {
        var length = Length(target, "slicing", place);
        var start = Clamp(from is null ? 0 : WholeNumber(from, "a slice bound", place), length);
        var end = Clamp(to is null ? length : WholeNumber(to, "a slice bound", place), length);
        var count = (int)Math.Max(0, end - start);
        return target.Kind == MiniValueKind.Text
            ? Built(MiniValue.Of(target.Text.Substring((int)start, count)), count, place)
            : Built(MiniValue.Wrap(target.ItemArray.AsSpan((int)start, count).ToArray()), count, place);

        static long Clamp(long bound, long length) => Math.Clamp(bound < 0 ? bound + length : bound, 0, length);
    }

    private MiniValue Builtin(string name, MiniValue[] args, MiniPlace place)
    {
        switch (name)
        {
            case "len":
                return MiniValue.Of((long)Length(args[0], "len", place));
            case "range":
                var low = args.Length == 2 ? WholeNumber(args[0], "range's start", place) : 0;
                var high = WholeNumber(args[^1], "range's end", place);
                var count = Math.Max(0, high - low);
                if (count > limits.MaxLength)
                {
                    throw Error(MiniErrorKind.Size, place, $"range of {count} numbers passes the size limit of {limits.MaxLength}.");
                }

                var numbers = new MiniValue[count];
                for (var i = 0; i < count; i++)
                {
                    numbers[i] = MiniValue.Of(low + i);
                }

                return Built(MiniValue.Wrap(numbers), numbers.Length, place);
            case "abs":
                return args[0].Kind switch
                {
                    MiniValueKind.Integer => Checked(() => MiniValue.Of(checked(Math.Abs(args[0].Integer))), place),
                    MiniValueKind.Decimal => MiniValue.Of(Math.Abs(args[0].Number)),
                    _ => throw Error(MiniErrorKind.Type, place, $"abs needs a number; found {args[0].Describe()}."),
                };
            case "min" or "max":
                var candidates = args.Length == 1
                    ? (args[0].Kind == MiniValueKind.List ? args[0].ItemArray : throw Error(MiniErrorKind.Type, place, $"{name} of one argument needs a list; found {args[0].Describe()}."))
                    : args;
                if (candidates.Length == 0)
                {
                    throw Error(MiniErrorKind.Argument, place, $"{name} of an empty list.");
                }

                var best = candidates[0];
                foreach (var candidate in candidates.AsSpan(1))
                {
                    Charge(1, place);
                    var order = Compare(name, candidate, best, place);
                    if (name == "min" ? order < 0 : order > 0)
                    {
                        best = candidate;
                    }
                }

                return best;
            case "str":
                if (args[0].Weight > limits.MaxLength)
                {
                    throw Error(MiniErrorKind.Size, place, $"str of a value of size {args[0].Weight} passes the size limit of {limits.MaxLength}.");
                }

                var display = args[0].Display();
                return Built(MiniValue.Of(display), display.Length, place);
            case "int":
                return args[0].Kind switch
                {
                    MiniValueKind.Integer => args[0],
                    MiniValueKind.Decimal => Checked(() => MiniValue.Of(decimal.ToInt64(decimal.Truncate(args[0].Number))), place),
                    MiniValueKind.Text => long.TryParse(args[0].Text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                        ? MiniValue.Of(parsed)
                        : throw Error(MiniErrorKind.Argument, place, $"int cannot read {args[0].Describe()} as a whole number."),
                    _ => throw Error(MiniErrorKind.Type, place, $"int needs a number or a string; found {args[0].Describe()}."),
                };
            case "push":
                if (args[0].Kind != MiniValueKind.List)
                {
                    throw Error(MiniErrorKind.Type, place, $"push needs a list first; found {args[0].Describe()}.");
                }

                return Built(MiniValue.Wrap([.. args[0].ItemArray, args[1]]), args[0].ItemArray.Length + 1, place);
            case "todo":
                throw Error(MiniErrorKind.Unimplemented, place, args.Length == 0 ? "todo(): not implemented yet." : $"todo({args[0].Display()}): not implemented yet.");
            default:
                throw new InvalidOperationException($"Unknown built-in {name}.");
        }
    }

    private static int Length(MiniValue value, string what, MiniPlace place) => value.Kind switch
    {
        MiniValueKind.Text => value.Text.Length,
        MiniValueKind.List => value.ItemArray.Length,
        _ => throw Error(MiniErrorKind.Type, place, $"{what} needs a list or a string; found {value.Describe()}."),
    };

    private static long WholeNumber(MiniValue value, string what, MiniPlace place) => value.Kind switch
    {
        MiniValueKind.Integer => value.Integer,
        MiniValueKind.Decimal => throw Error(MiniErrorKind.Type, place, $"{what} must be an integer; found {value.Describe()} (use // for integer division)."),
        _ => throw Error(MiniErrorKind.Type, place, $"{what} must be an integer; found {value.Describe()}."),
    };

    private static bool Bool(MiniValue value, string op, MiniPlace place) =>
        value.Kind == MiniValueKind.Boolean ? value.Boolean : throw Error(MiniErrorKind.Type, place, $"'{op}' needs booleans; found {value.Describe()}.");

    // A built list or string costs its length in steps and may not pass the size limit.
    private MiniValue Built(MiniValue value, int length, MiniPlace place)
    {
        if (length > limits.MaxLength)
        {
            throw Error(MiniErrorKind.Size, place, $"a {value.KindName} of length {length} passes the size limit of {limits.MaxLength}.");
        }

        if (value.Depth > limits.MaxNesting)
        {
            throw Error(MiniErrorKind.Size, place, $"lists nest more than {limits.MaxNesting} deep.");
        }

        Charge(length, place);
        return value;
    }

    private void Charge(long steps, MiniPlace place)
    {
        _steps += steps;
        if (_steps > limits.StepBudget)
        {
            throw Error(MiniErrorKind.StepBudget, place, $"the step budget of {limits.StepBudget} ran out (an endless recursion, or too slow).");
        }
    }

    private static MiniValue Checked(Func<MiniValue> compute, MiniPlace place)
    {
        try
        {
            return compute();
        }
        catch (OverflowException)
        {
            throw Error(MiniErrorKind.Overflow, place, "a number left its range (integers have 64 bits, decimals 28 digits).");
        }
    }

    private static MiniRuntimeException Error(MiniErrorKind kind, MiniPlace place, string problem) => new(kind, place.File, place.Line, place.Column, problem);
}
