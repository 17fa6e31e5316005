namespace Agents.Collaboration.Programs;

/// <summary>
/// What one run of a Mini program may spend: evaluation steps (every expression evaluated, plus the length of every
/// list or string built and the size of every value compared), nested calls, the length of a list or string, and the
/// nesting of lists. A run that passes a limit stops with a
/// <see cref="MiniRuntimeException"/>, so no program can hang or exhaust the host.
/// </summary>
/// <param name="StepBudget">Evaluation steps at most.</param>
/// <param name="MaxDepth">Nested function calls at most.</param>
/// <param name="MaxLength">Elements of a list or characters of a string at most.</param>
/// <param name="MaxNesting">How deep lists may nest in a value.</param>
public sealed record MiniLimits(long StepBudget = 100_000, int MaxDepth = 400, int MaxLength = 10_000, int MaxNesting = 100)
{
    /// <summary>The default limits.</summary>
    public static MiniLimits Default { get; } = new();
}
