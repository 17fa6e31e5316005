namespace Agents.Memory;

/// <summary>
/// A memory operation that cannot be carried out as asked: evidence that does not exist, cites itself or a later
/// memory, an unknown agent. The message names the agent and memory ids involved.
/// </summary>
public class MemoryException : Exception
{
    /// <summary>Creates the exception with a message that names the place and what was expected.</summary>
    public MemoryException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    public MemoryException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
