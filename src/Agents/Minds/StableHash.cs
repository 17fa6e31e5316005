namespace Agents.Minds;

/// <summary>FNV-1a over text: a seed that depends only on the text (not on the process, unlike string.GetHashCode).</summary>
internal static class StableHash
{
    public static int Of(string text, int seed)
    {
        unchecked
        {
            var hash = 2166136261u ^ (uint)seed;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (int)(hash & 0x7fffffff);
        }
    }
}
