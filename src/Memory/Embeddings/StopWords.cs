namespace Agents.Memory.Embeddings;

/// <summary>English function words the hashing embedder skips, as word hashes (filled once, read-only after).</summary>
internal static class StopWords
{
    private static readonly HashSet<ulong> Hashes = Build(
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "about",
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did",
        "it", "its", "this", "that", "these", "those", "there", "then", "so", "as", "s", "t", "very", "just",
        "he", "she", "they", "them", "his", "her", "their", "i", "me", "my", "we", "our", "you", "your");

    public static bool Contains(ulong wordHash) => Hashes.Contains(wordHash);

    private static HashSet<ulong> Build(params string[] words)
    {
        var hashes = new HashSet<ulong>();
        foreach (string word in words)
        {
            hashes.Add(FeatureHash.Word(word));
        }

        return hashes;
    }
}
