using System.Numerics;

namespace Agents.World.Ecs;

/// <summary>
/// Hands out entity ids, always the lowest id not in use. Because that choice depends only on which ids are
/// alive, a world rebuilt from a snapshot of its live entities goes on issuing the same ids as the original.
/// </summary>
internal sealed class IdAllocator
{
    private ulong[] freeBits = new ulong[4];
    private int freeCount;
    private int scanWord;

    /// <summary>One past the highest id ever issued; ids at or above it are free and never used.</summary>
    public int HighWater { get; private set; }

    /// <summary>Takes the lowest free id.</summary>
    public int Allocate()
    {
        if (freeCount == 0)
        {
            return HighWater++;
        }

        for (int w = scanWord; ; w++)
        {
            ulong bits = freeBits[w];
            if (bits != 0)
            {
                scanWord = w;
                freeBits[w] = bits & (bits - 1);
                freeCount--;
                return (w << 6) + BitOperations.TrailingZeroCount(bits);
            }
        }
    }

    /// <summary>Returns <paramref name="id"/> (below <see cref="HighWater"/>, in use) to the free set.</summary>
    public void Release(int id)
    {
        int word = id >> 6;
        if (word >= freeBits.Length)
        {
            Array.Resize(ref freeBits, Math.Max(word + 1, freeBits.Length * 2));
        }

        freeBits[word] |= 1UL << (id & 63);
        freeCount++;
        if (word < scanWord)
        {
            scanWord = word;
        }
    }

    /// <summary>True when <paramref name="id"/> is not in use.</summary>
    public bool IsFree(int id) =>
        id >= HighWater || ((id >> 6) < freeBits.Length && (freeBits[id >> 6] & (1UL << (id & 63))) != 0);

    /// <summary>Takes a specific free id (snapshot restore); ids skipped below it become free.</summary>
    public void Claim(int id)
    {
        if (id >= HighWater)
        {
            for (int skipped = HighWater; skipped < id; skipped++)
            {
                Release(skipped);
            }

            HighWater = id + 1;
            return;
        }

        freeBits[id >> 6] &= ~(1UL << (id & 63));
        freeCount--;
    }
}
