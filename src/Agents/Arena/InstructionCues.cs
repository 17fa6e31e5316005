namespace Agents.Arena;

/// <summary>
/// How <see cref="SimulatedSolverMind"/> responds to the content of an instruction, so that prompt evolution can show
/// a gain without a model. Deterministic: it looks for cue words (case-insensitive) in the instruction.
/// <list type="bullet">
/// <item><b>Steps</b> ("step"): the error rate per operation is at most 0.1, as if it worked step by step silently.</item>
/// <item><b>Check</b> ("check", "verify"): the error rate is squared (a re-check catches most slips).</item>
/// <item><b>Relevance</b> ("ignore", "irrelevant", "not needed", "does not need"): it never uses a distractor number.</item>
/// <item><b>Haste</b> ("fast", "quick", "guess"): the error rate is 1.5 times higher.</item>
/// </list>
/// Any other text changes nothing but the seeded draws.
/// </summary>
/// <param name="Steps">The instruction asks for steps.</param>
/// <param name="Check">The instruction asks to check the work.</param>
/// <param name="Relevance">The instruction asks to ignore what does not matter.</param>
/// <param name="Haste">The instruction asks for haste.</param>
public sealed record InstructionCues(bool Steps, bool Check, bool Relevance, bool Haste)
{
    /// <summary>Tips the stand-in optimiser adds to the best instruction so far: three help, three do not.</summary>
    public static readonly IReadOnlyList<string> Tips =
    [
        "Check each calculation once more before you go on.",
        "Ignore the numbers that the question does not need.",
        "Work step by step and keep each intermediate result.",
        "Be confident.",
        "Answer as fast as you can.",
        "Write clearly.",
    ];

    /// <summary>The cues in <paramref name="instruction"/>.</summary>
    public static InstructionCues Read(string? instruction)
    {
        var text = (instruction ?? string.Empty).ToLowerInvariant();
        bool Any(params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));
        return new InstructionCues(Any("step"), Any("check", "verify"), Any("ignore", "irrelevant", "not needed", "does not need"), Any("fast", "quick", "guess"));
    }

    /// <summary>The error rate per operation after the cues, from the style's <paramref name="rate"/>.</summary>
    public double Apply(double rate)
    {
        if (Steps)
        {
            rate = Math.Min(rate, 0.1);
        }

        if (Check)
        {
            rate *= rate;
        }

        return Haste ? Math.Min(0.95, rate * 1.5) : rate;
    }
}
