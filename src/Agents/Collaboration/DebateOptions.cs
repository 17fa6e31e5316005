namespace Agents.Collaboration;

/// <summary>Settings of a collaborative debate.</summary>
/// <param name="Agents">Debaters (Du et al.: 3 on GSM8K, 2 on arithmetic).</param>
/// <param name="Rounds">Rounds of revision after the first answers (the r).</param>
public sealed record DebateOptions(int Agents = 3, int Rounds = 2);
