namespace Agents.Collaboration.ChatDev;

/// <summary>A step of a chat chain: one phase, or a composed phase that repeats its phases up to a count.</summary>
/// <param name="Phase">The phase, for a simple step; null for a composed one.</param>
/// <param name="Phases">The phases of a composed step, in order; empty for a simple one.</param>
/// <param name="Repeat">How often a composed step may cycle.</param>
/// <param name="StopWhen">A composed step stops when a conclusion contains this text (e.g. "Finished"); null never stops early.</param>
public sealed record ChainStep(PhaseSpec? Phase, IReadOnlyList<PhaseSpec> Phases, int Repeat = 1, string? StopWhen = null)
{
    /// <summary>A simple step running <paramref name="phase"/> once.</summary>
    public static ChainStep Single(PhaseSpec phase) => new(phase, []);
}
