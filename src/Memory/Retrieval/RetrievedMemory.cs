using System.Globalization;

namespace Agents.Memory.Retrieval;

/// <summary>A memory as retrieval ranked it, with its three normalised component scores and the weighted total.</summary>
/// <param name="Memory">The memory (after <see cref="MemoryStream.Retrieve"/>, with its last access set to the query time).</param>
/// <param name="Recency">Normalised recency in [0, 1] (0.5 when all candidates tie).</param>
/// <param name="Importance">Normalised importance in [0, 1] (0.5 when all candidates tie).</param>
/// <param name="Relevance">Normalised relevance (cosine to the query) in [0, 1] (0.5 when all tie or there is no query).</param>
/// <param name="Total">The weighted sum the ranking sorts by.</param>
public sealed record RetrievedMemory(MemoryRecord Memory, double Recency, double Importance, double Relevance, double Total)
{
    /// <summary>One line for reports and the command line: id, kind, time, the scores and the text.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"#{Memory.Id} {Memory.Kind.ToString().ToLowerInvariant()} {Memory.Created:yyyy-MM-dd HH:mm} " +
        $"total {Total:F3} (recency {Recency:F3}, importance {Importance:F3}, relevance {Relevance:F3}) {Memory.Text}");
}
