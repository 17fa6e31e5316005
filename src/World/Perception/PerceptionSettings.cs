namespace Agents.World.Perception;

/// <summary>The perception constants of the generative-agents paper.</summary>
/// <param name="VisionRadius">Half the side of the square an agent sees, in tiles (4: a 9x9 square).</param>
/// <param name="Attention">At most this many events are perceived per step (the attention bandwidth).</param>
/// <param name="Retention">An event whose triple is among this many of the agent's latest stored events is skipped; the caller gathers those triples.</param>
public sealed record PerceptionSettings(int VisionRadius = 4, int Attention = 3, int Retention = 5);
