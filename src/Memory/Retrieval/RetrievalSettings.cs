namespace Agents.Memory.Retrieval;

/// <summary>
/// How retrieval scores memories (Park et al. 2023): score = w_rec * recency + w_imp * importance + w_rel * relevance,
/// each min-max normalised over the candidates; recency = <see cref="RecencyDecay"/> ^ (game hours since last access).
/// </summary>
/// <param name="RecencyWeight">Weight of normalised recency (default 1, as in the paper).</param>
/// <param name="ImportanceWeight">Weight of normalised importance (default 1).</param>
/// <param name="RelevanceWeight">Weight of normalised relevance, the cosine to the query (default 1).</param>
/// <param name="RecencyDecay">Decay per game hour since last access, in (0, 1] (default 0.99).</param>
/// <param name="TopK">How many memories a retrieval returns by default (default 30).</param>
public sealed record RetrievalSettings(
    double RecencyWeight = 1,
    double ImportanceWeight = 1,
    double RelevanceWeight = 1,
    double RecencyDecay = 0.99,
    int TopK = 30)
{
    /// <summary>The paper's settings: weights 1, 1, 1, decay 0.99, top 30.</summary>
    public static RetrievalSettings Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a weight is negative or not finite, the decay is
    /// outside (0, 1] or <see cref="TopK"/> is below 1.</summary>
    public void Validate()
    {
        CheckWeight(RecencyWeight, nameof(RecencyWeight));
        CheckWeight(ImportanceWeight, nameof(ImportanceWeight));
        CheckWeight(RelevanceWeight, nameof(RelevanceWeight));
        if (!(RecencyDecay > 0 && RecencyDecay <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(RecencyDecay), RecencyDecay, "Recency decay must be in (0, 1].");
        }

        if (TopK < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TopK), TopK, "TopK must be at least 1.");
        }
    }

    private static void CheckWeight(double weight, string name)
    {
        if (!(weight >= 0) || double.IsInfinity(weight))
        {
            throw new ArgumentOutOfRangeException(name, weight, "Retrieval weights must be finite and not negative.");
        }
    }
}
