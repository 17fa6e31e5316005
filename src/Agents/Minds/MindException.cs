namespace Agents.Minds;

/// <summary>A mind cannot be set up as asked (missing endpoint, key, or model): a user-facing error.</summary>
public sealed class MindException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MindException()
    {
    }

    /// <summary>Creates the exception with a message a user can act on.</summary>
    public MindException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public MindException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
