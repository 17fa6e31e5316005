namespace Agents.Collaboration.ChatDev;

/// <summary>A chat-chain file that cannot be used; the message names the file, line and column and what was expected.</summary>
public sealed class ChatChainFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ChatChainFileException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ChatChainFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public ChatChainFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
