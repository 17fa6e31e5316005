namespace Agents.Collaboration.Programs;

/// <summary>Mini source that does not parse or does not resolve; the message reads "file:line:col: what was expected".</summary>
public sealed class MiniSyntaxException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MiniSyntaxException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public MiniSyntaxException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public MiniSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for the place <paramref name="file"/>:<paramref name="line"/>:<paramref name="column"/>.</summary>
    public MiniSyntaxException(string file, int line, int column, string problem)
        : base($"{file}:{line}:{column}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file the error is in.</summary>
    public string File { get; } = string.Empty;

    /// <summary>The 1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the error.</summary>
    public int Column { get; }

    /// <summary>What was wrong, without the place.</summary>
    public string Problem { get; } = string.Empty;
}
