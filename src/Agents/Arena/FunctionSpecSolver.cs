using System.Diagnostics.CodeAnalysis;

namespace Agents.Arena;

/// <summary>
/// The programmatic reference solver of function specs: it reads a question written by <see cref="FunctionSpec"/>
/// and answers with the reference program, so tests can use it as a teacher. <see cref="Flawed"/> gives a plausible
/// wrong program (one operator or constant changed), as a weaker programmer would write. Stateless and thread-safe.
/// </summary>
public static class FunctionSpecSolver
{
    private static readonly (string From, string To)[] Mutations =
    [
        (" < ", " <= "), (" <= ", " < "), (" > ", " >= "), (" >= ", " > "), (" == 0 ", " == 1 "), (" // ", " / "), ("- 1)", "- 2)"), ("{ 0 }", "{ 1 }"), ("{ 1 }", "{ 0 }"), (" + ", " - "), ("[-1]", "[1]"), ("max(", "min("), ("else { n }", "else { 0 }"),
    ];

    /// <summary>The reference program for <paramref name="question"/>; false when it is not a function spec.</summary>
    public static bool TrySolve(string question, [NotNullWhen(true)] out string? program)
    {
        ArgumentNullException.ThrowIfNull(question);
        program = FunctionSpec.TryRead(question, out var spec) ? spec.ReferenceProgram : null;
        return program is not null;
    }

    /// <summary>The reply a perfect model gives to <paramref name="question"/>: "Answer: " and the program; null when it is no spec.</summary>
    public static string? Answer(string question) => TrySolve(question, out var program) ? $"Answer: {program}" : null;

    /// <summary>
    /// A wrong variant of the reference program of <paramref name="spec"/>: the <paramref name="variant"/>-th mutation
    /// (counting only those that apply) that fails at least one hidden test; the reference itself when none does.
    /// </summary>
    public static string Flawed(FunctionSpec spec, int variant = 0)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var reference = spec.ReferenceProgram;
        var wrong = Mutations
            .Where(m => reference.Contains(m.From, StringComparison.Ordinal))
            .Select(m => ReplaceFirst(reference, m.From, m.To))
            .Where(p => !spec.Grade(p).AllPassed)
            .ToList();
        return wrong.Count == 0 ? reference : wrong[variant % wrong.Count];
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        return text[..at] + to + text[(at + from.Length)..];
    }
}
