namespace Agents.World.Scenarios;

/// <summary>One problem found in a scenario file or a file it references, with its 1-based position.</summary>
/// <param name="File">The file the problem is in, as the user named it.</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the whole file.</param>
/// <param name="Column">1-based column, or 0 when the problem concerns the whole file.</param>
/// <param name="Message">What was expected and what was found.</param>
public sealed record ScenarioError(string File, int Line, int Column, string Message)
{
    /// <summary>Formats the error as <c>file:line:column: message</c> (or <c>file: message</c> for a whole-file problem).</summary>
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
