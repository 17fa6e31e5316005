namespace Agents.Collaboration.ChatDev;

/// <summary>The outcome of a chat chain.</summary>
/// <param name="Artifacts">Every artifact at the end (the task and each phase's stored conclusion).</param>
/// <param name="Phases">Each phase run, in order (a repeated phase appears once per cycle).</param>
public sealed record ChatChainResult(IReadOnlyDictionary<string, string> Artifacts, IReadOnlyList<PhaseResult> Phases);
