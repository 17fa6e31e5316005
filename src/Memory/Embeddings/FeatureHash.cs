namespace Agents.Memory.Embeddings;

/// <summary>Deterministic 64-bit hashes of lower-cased text pieces (FNV-1a, then the MurmurHash3 finaliser).</summary>
internal static class FeatureHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>Hash of the lower-cased word; equal for "Coffee" and "coffee".</summary>
    public static ulong Word(ReadOnlySpan<char> word)
    {
        ulong hash = OffsetBasis;
        foreach (char c in word)
        {
            hash = (hash ^ char.ToLowerInvariant(c)) * Prime;
        }

        return hash;
    }

    public static ulong Trigram(char a, char b, char c) =>
        (((((OffsetBasis ^ a) * Prime) ^ b) * Prime) ^ c) * Prime;

    /// <summary>Spreads every input bit over the output (MurmurHash3 fmix64).</summary>
    public static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCD;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53;
        h ^= h >> 33;
        return h;
    }
}
