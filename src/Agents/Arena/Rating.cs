namespace Agents.Arena;

/// <summary>A player's Bradley-Terry rating with its bootstrap interval, and its online Elo.</summary>
/// <param name="Player">The player (a strategy).</param>
/// <param name="Value">The maximum-likelihood rating on all battles.</param>
/// <param name="Lower">The 2.5% quantile of the bootstrap ratings.</param>
/// <param name="Upper">The 97.5% quantile of the bootstrap ratings.</param>
/// <param name="Elo">The online Elo rating after all battles in order.</param>
public sealed record Rating(string Player, double Value, double Lower, double Upper, double Elo);
