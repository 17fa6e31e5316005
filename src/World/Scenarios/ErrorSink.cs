using YamlDotNet.Core;

namespace Agents.World.Scenarios;

/// <summary>Collects the errors of one load, so that all of them can be reported at once.</summary>
internal sealed class ErrorSink(string file, IReadOnlyList<string> lines)
{
    private readonly List<ScenarioError> errors = [];

    /// <summary>The scenario file the positions refer to unless another file is named.</summary>
    public string File { get; } = file;

    public int Count => errors.Count;

    public void Add(Mark at, string message)
    {
        var (line, column) = (ToInt(at.Line), ToInt(at.Column));

        // The parser reports the end of the text as the line after the last one; name the last one instead.
        if (line > lines.Count && lines.Count > 0)
        {
            (line, column) = (lines.Count, lines[^1].Length + 1);
        }

        errors.Add(new ScenarioError(File, Math.Max(1, line), Math.Max(1, column), message));
    }

    public void Add(string file, int line, int column, string message) => errors.Add(new ScenarioError(file, line, column, message));

    /// <summary>The errors, the scenario file's first, each file's in line and column order.</summary>
    public IReadOnlyList<ScenarioError> Sorted()
    {
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal) { [File] = 0 };
        foreach (var error in errors)
        {
            fileOrder.TryAdd(error.File, fileOrder.Count);
        }

        return errors
            .Select((error, index) => (error, index))
            .OrderBy(x => fileOrder[x.error.File])
            .ThenBy(x => x.error.Line)
            .ThenBy(x => x.error.Column)
            .ThenBy(x => x.index)
            .Select(x => x.error)
            .ToList();
    }

    private static int ToInt(long value) => value > int.MaxValue ? int.MaxValue : (int)value;
}
