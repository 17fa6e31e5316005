namespace Agents.Arena;

/// <summary>One comparison of two players on one item.</summary>
/// <param name="A">The first player.</param>
/// <param name="B">The second player.</param>
/// <param name="ScoreA">1 when A won, 0 when B won, 0.5 for a tie.</param>
/// <param name="Item">The item the battle was played on, for resampling by item; null when unknown.</param>
public sealed record Battle(string A, string B, double ScoreA, string? Item = null);
