namespace Agents.Collaboration;

/// <summary>A transcript file that cannot be read; the message names the file and line.</summary>
public sealed class TranscriptFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TranscriptFormatException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public TranscriptFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public TranscriptFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
