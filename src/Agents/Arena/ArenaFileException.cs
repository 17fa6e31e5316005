namespace Agents.Arena;

/// <summary>An arena file that cannot be used; the message names the file, line and column and what was expected.</summary>
public sealed class ArenaFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ArenaFileException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ArenaFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public ArenaFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
