namespace Agents.World.Scenarios;

/// <summary>
/// A scenario file (or a map it references) could not be loaded. <see cref="Errors"/> holds every problem found,
/// and <see cref="Exception.Message"/> lists them, one per line, as <c>file:line:column: message</c>.
/// </summary>
public sealed class ScenarioException : Exception
{
    private const int MaxListedErrors = 200;

    /// <summary>Creates the exception from the errors found (at least one).</summary>
    public ScenarioException(IReadOnlyList<ScenarioError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception from the errors found, keeping the exception that caused them.</summary>
    public ScenarioException(IReadOnlyList<ScenarioError> errors, Exception? innerException)
        : base(Describe(errors), innerException)
    {
        Errors = errors;
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }

    private static string Describe(IReadOnlyList<ScenarioError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("A scenario exception needs at least one error.", nameof(errors));
        }

        var lines = errors.Take(MaxListedErrors).Select(e => e.ToString()).ToList();
        if (errors.Count > MaxListedErrors)
        {
            lines.Add($"... and {errors.Count - MaxListedErrors} more errors");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
