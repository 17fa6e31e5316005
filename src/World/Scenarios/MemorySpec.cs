namespace Agents.World.Scenarios;

/// <summary>
/// Memory constants (YAML key <c>memory</c>, snake_case keys: <c>recency_weight</c>, <c>importance_weight</c>,
/// <c>relevance_weight</c>, <c>recency_decay</c>, <c>top_k</c>, <c>reflection_threshold</c>, <c>embedding_dimension</c>).
/// </summary>
/// <param name="RecencyWeight">Weight of recency in the retrieval score (at least 0).</param>
/// <param name="ImportanceWeight">Weight of importance in the retrieval score (at least 0).</param>
/// <param name="RelevanceWeight">Weight of relevance in the retrieval score (at least 0).</param>
/// <param name="RecencyDecay">Recency factor per game hour since last access, in (0, 1].</param>
/// <param name="TopK">How many memories a retrieval returns (at least 1).</param>
/// <param name="ReflectionThreshold">Summed importance of new observations that triggers a reflection (at least 1).</param>
/// <param name="EmbeddingDimension">Dimension of the default hashing embedder (at least 1).</param>
public sealed record MemorySpec(
    double RecencyWeight = 1,
    double ImportanceWeight = 1,
    double RelevanceWeight = 1,
    double RecencyDecay = 0.99,
    int TopK = 30,
    int ReflectionThreshold = 150,
    int EmbeddingDimension = 256);
