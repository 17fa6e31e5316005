namespace Agents.Collaboration.Programs;

/// <summary>A Mini program that stopped with an error while running; the message reads "file:line:col: what happened".</summary>
public sealed class MiniRuntimeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MiniRuntimeException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public MiniRuntimeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public MiniRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an error of <paramref name="kind"/> at <paramref name="file"/>:<paramref name="line"/>:<paramref name="column"/>.</summary>
    public MiniRuntimeException(MiniErrorKind kind, string file, int line, int column, string problem)
        : base($"{file}:{line}:{column}: {problem}")
    {
        Kind = kind;
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>Why the program stopped.</summary>
    public MiniErrorKind Kind { get; }

    /// <summary>The file of the expression that failed.</summary>
    public string File { get; } = string.Empty;

    /// <summary>The 1-based line of the expression that failed.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the expression that failed.</summary>
    public int Column { get; }

    /// <summary>What happened, without the place.</summary>
    public string Problem { get; } = string.Empty;
}
