namespace Agents.Memory.Retrieval;

/// <summary>A row of a <see cref="RetrievalIndex"/> with its normalised component scores and weighted total.</summary>
internal readonly record struct ScoredRow(int Row, double Recency, double Importance, double Relevance, double Total);
