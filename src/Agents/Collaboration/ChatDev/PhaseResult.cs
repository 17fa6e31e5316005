namespace Agents.Collaboration.ChatDev;

/// <summary>The outcome of one phase.</summary>
/// <param name="Phase">The phase's name.</param>
/// <param name="Conclusion">The text after "&lt;INFO&gt;" (from the phase or its reflection); null when none.</param>
/// <param name="Reflected">True when the conclusion came from the reflection.</param>
/// <param name="Transcript">The phase's turns.</param>
/// <param name="Tests">The tester's run before the phase, for a phase that runs tests; null otherwise.</param>
/// <param name="Files">The files the phase's assistant wrote (name to content); null when the phase writes no code.</param>
/// <param name="Skipped">Why the phase was skipped and its cycle ended (every test passed, no placeholder left); null when it ran.</param>
/// <param name="Document">The document the phase wrote (its name and content); null when it writes none or the assistant wrote nothing.</param>
public sealed record PhaseResult(string Phase, string? Conclusion, bool Reflected, Conversation Transcript, SoftwareTestReport? Tests = null, IReadOnlyDictionary<string, string>? Files = null, string? Skipped = null, KeyValuePair<string, string>? Document = null);
