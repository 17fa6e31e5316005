namespace Agents.Collaboration.AgentVerse;

/// <summary>An AgentVerse configuration file that cannot be used; the message names the file, line and column and what was expected.</summary>
public sealed class AgentVerseFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AgentVerseFileException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public AgentVerseFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public AgentVerseFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
