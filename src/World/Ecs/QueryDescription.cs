namespace Agents.World.Ecs;

/// <summary>
/// Which entities a query visits, by component sets: all of <see cref="All"/>, at least one of <see cref="Any"/>
/// (when it is not empty) and none of <see cref="None"/>. Built Arch style:
/// <c>new QueryDescription().WithAll&lt;Position, Velocity&gt;().WithNone&lt;Asleep&gt;()</c>. Each <c>With</c> call adds
/// to its set and returns a new description; <c>default</c> matches every entity.
/// </summary>
/// <remarks>Immutable; safe to keep in a static readonly field and to share between threads.</remarks>
public readonly partial struct QueryDescription : IEquatable<QueryDescription>
{
    private readonly int[]? all;
    private readonly int[]? any;
    private readonly int[]? none;

    private QueryDescription(int[]? all, int[]? any, int[]? none)
    {
        this.all = all;
        this.any = any;
        this.none = none;
    }

    /// <summary>Component types an entity must all have, ordered by assembly-qualified name.</summary>
    public IReadOnlyList<Type> All => TypesOf(all);

    /// <summary>Component types of which an entity must have at least one (ignored when empty).</summary>
    public IReadOnlyList<Type> Any => TypesOf(any);

    /// <summary>Component types an entity must not have.</summary>
    public IReadOnlyList<Type> None => TypesOf(none);

    /// <summary>Adds component types given at run time to <see cref="All"/>.</summary>
    public QueryDescription WithAll(params Type[] types) => new(Union(all, IdsOf(types)), any, none);

    /// <summary>Adds component types given at run time to <see cref="Any"/>.</summary>
    public QueryDescription WithAny(params Type[] types) => new(all, Union(any, IdsOf(types)), none);

    /// <summary>Adds component types given at run time to <see cref="None"/>.</summary>
    public QueryDescription WithNone(params Type[] types) => new(all, any, Union(none, IdsOf(types)));

    /// <summary>True when the same sets are described (regardless of the order types were given in).</summary>
    public bool Equals(QueryDescription other) =>
        Same(all, other.all) && Same(any, other.any) && Same(none, other.none);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is QueryDescription other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        Add(ref hash, all);
        hash.Add(-1);
        Add(ref hash, any);
        hash.Add(-2);
        Add(ref hash, none);
        return hash.ToHashCode();
    }

    /// <summary>Shows the sets by type name, e.g. <c>All(Position, Velocity) None(Asleep)</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (all is { Length: > 0 })
        {
            parts.Add($"All({string.Join(", ", All.Select(t => t.Name))})");
        }

        if (any is { Length: > 0 })
        {
            parts.Add($"Any({string.Join(", ", Any.Select(t => t.Name))})");
        }

        if (none is { Length: > 0 })
        {
            parts.Add($"None({string.Join(", ", None.Select(t => t.Name))})");
        }

        return parts.Count == 0 ? "All entities" : string.Join(" ", parts);
    }

    /// <summary>Equality of descriptions.</summary>
    public static bool operator ==(QueryDescription left, QueryDescription right) => left.Equals(right);

    /// <summary>Inequality of descriptions.</summary>
    public static bool operator !=(QueryDescription left, QueryDescription right) => !left.Equals(right);

    /// <summary>True when an archetype's entities match this description.</summary>
    internal bool Matches(Archetype archetype)
    {
        foreach (int id in all.AsSpan())
        {
            if (archetype.ColumnOf(id) < 0)
            {
                return false;
            }
        }

        foreach (int id in none.AsSpan())
        {
            if (archetype.ColumnOf(id) >= 0)
            {
                return false;
            }
        }

        if (any is not { Length: > 0 })
        {
            return true;
        }

        foreach (int id in any)
        {
            if (archetype.ColumnOf(id) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private QueryDescription AddAll(params ReadOnlySpan<int> ids) => new(Union(all, ids), any, none);

    private QueryDescription AddAny(params ReadOnlySpan<int> ids) => new(all, Union(any, ids), none);

    private QueryDescription AddNone(params ReadOnlySpan<int> ids) => new(all, any, Union(none, ids));

    private static int[] IdsOf(Type[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var ids = new int[types.Length];
        for (int i = 0; i < types.Length; i++)
        {
            ids[i] = ComponentRegistry.Register(types[i] ?? throw new ArgumentNullException(nameof(types), $"Component type at index {i} is null.")).Id;
        }

        return ids;
    }

    private static int[] Union(int[]? existing, ReadOnlySpan<int> added)
    {
        var set = new SortedSet<int>(existing ?? []);
        foreach (int id in added)
        {
            set.Add(id);
        }

        return [.. set];
    }

    private static bool Same(int[]? a, int[]? b) => a.AsSpan().SequenceEqual(b.AsSpan());

    private static void Add(ref HashCode hash, int[]? ids)
    {
        foreach (int id in ids.AsSpan())
        {
            hash.Add(id);
        }
    }

    /// <summary>The types of a set, ordered by assembly-qualified name (ids depend on first use, names do not).</summary>
    private static IReadOnlyList<Type> TypesOf(int[]? ids) => ids is null
        ? []
        : Array.AsReadOnly(ids.Select(id => ComponentRegistry.Get(id).Type).OrderBy(t => t.AssemblyQualifiedName, StringComparer.Ordinal).ToArray());
}
