namespace Agents.World.Ecs;

/// <summary>A set of component ids, kept sorted ascending, compared by content: the key of an archetype.</summary>
internal readonly struct Signature : IEquatable<Signature>
{
    private readonly int[]? ids;

    /// <summary>Wraps ids that are already sorted ascending and distinct (the array is owned by the signature).</summary>
    public Signature(int[] sortedIds) => ids = sortedIds;

    /// <summary>The ids, ascending.</summary>
    public ReadOnlySpan<int> Ids => ids;

    /// <summary>The number of ids.</summary>
    public int Count => ids?.Length ?? 0;

    /// <summary>True when <paramref name="id"/> is in the set.</summary>
    public bool Contains(int id) => ids is not null && Array.BinarySearch(ids, id) >= 0;

    /// <summary>This set with <paramref name="id"/> added (it must be absent).</summary>
    public Signature With(int id)
    {
        var result = new int[Count + 1];
        int i = 0, j = 0;
        var source = Ids;
        while (i < source.Length && source[i] < id)
        {
            result[j++] = source[i++];
        }

        result[j++] = id;
        while (i < source.Length)
        {
            result[j++] = source[i++];
        }

        return new Signature(result);
    }

    /// <summary>This set with <paramref name="id"/> removed (it must be present).</summary>
    public Signature Without(int id)
    {
        var result = new int[Count - 1];
        int j = 0;
        foreach (int existing in Ids)
        {
            if (existing != id)
            {
                result[j++] = existing;
            }
        }

        return new Signature(result);
    }

    /// <summary>Builds a signature from ids in any order, dropping duplicates.</summary>
    public static Signature FromUnsorted(IEnumerable<int> ids)
    {
        var sorted = ids.Distinct().ToArray();
        Array.Sort(sorted);
        return new Signature(sorted);
    }

    /// <inheritdoc />
    public bool Equals(Signature other) => Ids.SequenceEqual(other.Ids);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Signature other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (int id in Ids)
        {
            hash.Add(id);
        }

        return hash.ToHashCode();
    }
}
