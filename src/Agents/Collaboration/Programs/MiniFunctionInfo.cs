namespace Agents.Collaboration.Programs;

/// <summary>A function of a parsed program: its name, parameters, and where its source lies.</summary>
/// <param name="Name">The function's name.</param>
/// <param name="Parameters">Its parameters, in order.</param>
/// <param name="File">The file that defines it.</param>
/// <param name="Line">The line of its "fn".</param>
/// <param name="EndLine">The line of its last token.</param>
public sealed record MiniFunctionInfo(string Name, IReadOnlyList<string> Parameters, string File, int Line, int EndLine);
