namespace Agents.World.Scenarios;

/// <summary>
/// The rows of an ASCII grid and where each row starts in its file, so that a character at (row, column)
/// of the grid can be reported at its file line and column.
/// </summary>
internal sealed record GridDraft(IReadOnlyList<string> Rows, string File, IReadOnlyList<(int Line, int Column)> RowStarts)
{
    /// <summary>The 1-based file line and column of a 0-based grid cell.</summary>
    public (int Line, int Column) Locate(int row, int column)
    {
        if (RowStarts.Count == 0)
        {
            return (1, 1);
        }

        var (line, start) = RowStarts[Math.Clamp(row, 0, RowStarts.Count - 1)];
        return (line, start + Math.Max(0, column));
    }
}
