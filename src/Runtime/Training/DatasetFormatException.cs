namespace Agents.Runtime.Training;

/// <summary>A dataset file is missing or has a bad line; the message names the file, the line, what was expected and what was found.</summary>
public sealed class DatasetFormatException(string message, Exception? inner = null) : Exception(message, inner);
