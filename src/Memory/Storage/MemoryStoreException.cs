namespace Agents.Memory.Storage;

/// <summary>
/// A database that cannot be read or written as a run's memory store: not a SQLite file, not a run database, a
/// corrupt row. The message names the file and, for a bad row, the row id and column, what was expected and found.
/// </summary>
public sealed class MemoryStoreException : MemoryException
{
    /// <summary>Creates the exception with a message that names the file and place.</summary>
    public MemoryStoreException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the database error behind it.</summary>
    public MemoryStoreException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
