namespace Agents.World.Map;

/// <summary>A problem in an ASCII map grid, at a 0-based row and column inside the grid.</summary>
/// <param name="Row">0-based row of the grid (not the line of the file the grid sits in).</param>
/// <param name="Column">0-based column of the grid.</param>
/// <param name="Message">What was expected and what was found.</param>
public sealed record AsciiMapError(int Row, int Column, string Message);
