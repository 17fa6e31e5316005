namespace Agents.Decisions;

/// <summary>The stop sequences decisions share.</summary>
internal static class ReplyEnds
{
    /// <summary>A one-line reply ends at its line break.</summary>
    public static readonly IReadOnlyList<string> Line = ["\n"];

    /// <summary>A reply of several lines ends at a blank line.</summary>
    public static readonly IReadOnlyList<string> BlankLine = ["\n\n"];
}
