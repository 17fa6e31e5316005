namespace Agents.Collaboration.ChatDev;

/// <summary>The outcome of a chat chain.</summary>
/// <param name="Artifacts">Every artifact at the end (the task, each phase's stored conclusion, {codes}, {test_reports}).</param>
/// <param name="Phases">Each phase run, in order (a repeated phase appears once per cycle).</param>
/// <param name="Files">The software's files at the end (name to content); empty when no phase wrote code.</param>
/// <param name="Tests">The tester's run on the final files; null when the chain had no tester.</param>
public sealed record ChatChainResult(IReadOnlyDictionary<string, string> Artifacts, IReadOnlyList<PhaseResult> Phases, IReadOnlyDictionary<string, string> Files, SoftwareTestReport? Tests = null)
{
    /// <summary>The documents the chain wrote (name to content, e.g. requirements.txt, manual.md), apart from the code files; empty when none.</summary>
    public IReadOnlyDictionary<string, string> Documents { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
