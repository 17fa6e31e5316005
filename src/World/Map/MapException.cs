namespace Agents.World.Map;

/// <summary>A map that cannot be built or loaded; the message names the file (when any), the place and what was wrong.</summary>
public sealed class MapException : Exception
{
    /// <summary>Creates the exception with a message naming the place.</summary>
    public MapException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception with a message naming the place and the error that caused it.</summary>
    public MapException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception for several problems found at once; the message lists them all.</summary>
    public MapException(string? source, IReadOnlyList<string> problems)
        : base(FormatProblems(source, problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception with no details.</summary>
    public MapException()
        : this("The map is invalid.")
    {
    }

    /// <summary>Each problem on its own, for callers that report them one by one.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string FormatProblems(string? source, IReadOnlyList<string> problems)
    {
        string where = source is null ? "The map" : $"Map '{source}'";
        return problems.Count == 1
            ? $"{where}: {problems[0]}"
            : $"{where} has {problems.Count} problems:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems);
    }
}
