namespace Agents.Collaboration.Programs;

/// <summary>Why a Mini program stopped with an error.</summary>
public enum MiniErrorKind
{
    /// <summary>An operation got values of the wrong kind, e.g. a number plus a string.</summary>
    Type,

    /// <summary>A division or remainder by zero.</summary>
    DivideByZero,

    /// <summary>An index outside a list or string.</summary>
    Index,

    /// <summary>A number left its range (64-bit integers, 28-digit decimals).</summary>
    Overflow,

    /// <summary>The step budget ran out (an endless or too slow recursion).</summary>
    StepBudget,

    /// <summary>Calls nested deeper than the limit (an endless recursion).</summary>
    Depth,

    /// <summary>A list or string grew past the size limit.</summary>
    Size,

    /// <summary>The program reached a placeholder (todo()).</summary>
    Unimplemented,

    /// <summary>A bad argument to a built-in function, e.g. int("abc").</summary>
    Argument,
}
