namespace Agents.World.Map;

/// <summary>
/// The address of a place: <c>sector</c>, <c>sector:arena</c> or <c>sector:arena:object</c>.
/// Names compare ordinally (case-sensitive); they may hold spaces but not ':'.
/// </summary>
/// <param name="Sector">The sector name.</param>
/// <param name="Arena">The arena name, or null for a sector address.</param>
/// <param name="Object">The object name, or null for a sector or arena address; needs an arena.</param>
public readonly record struct Address(string Sector, string? Arena = null, string? Object = null)
{
    /// <summary>The separator between the parts of an address.</summary>
    public const char Separator = ':';

    /// <summary>1 for a sector, 2 for an arena, 3 for an object (0 for the default value).</summary>
    public int Depth => Sector is null ? 0 : Arena is null ? 1 : Object is null ? 2 : 3;

    /// <summary>The enclosing place: the arena of an object, the sector of an arena, null for a sector.</summary>
    public Address? Parent => Depth switch
    {
        3 => new Address(Sector, Arena),
        2 => new Address(Sector),
        _ => null,
    };

    /// <summary>Reads <c>sector[:arena[:object]]</c>; spaces around each part are trimmed.</summary>
    /// <exception cref="MapException">The text is empty, has an empty part or more than three parts.</exception>
    public static Address Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out Address address, out string? error)
            ? address
            : throw new MapException($"'{text}' is not a place address: {error}");
    }

    /// <summary>Reads <c>sector[:arena[:object]]</c> without throwing; false when the text is not an address.</summary>
    public static bool TryParse(string? text, out Address address) => TryParse(text, out address, out _);

    /// <summary>True when <paramref name="other"/> is this place or lies inside it (an object inside its arena and sector).</summary>
    public bool Contains(Address other)
    {
        if (Sector is null || !string.Equals(Sector, other.Sector, StringComparison.Ordinal))
        {
            return false;
        }

        if (Arena is null)
        {
            return true;
        }

        if (!string.Equals(Arena, other.Arena, StringComparison.Ordinal))
        {
            return false;
        }

        return Object is null || string.Equals(Object, other.Object, StringComparison.Ordinal);
    }

    /// <summary>Formats as <c>sector:arena:object</c>, leaving out the parts that are null.</summary>
    public override string ToString() => Depth switch
    {
        0 => string.Empty,
        1 => Sector,
        2 => string.Concat(Sector, ":", Arena),
        _ => string.Concat(Sector, ":", Arena, ":", Object),
    };

    private static bool TryParse(string? text, out Address address, out string? error)
    {
        address = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "expected sector[:arena[:object]], found an empty text";
            return false;
        }

        string[] parts = text.Split(Separator);
        if (parts.Length > 3)
        {
            error = $"expected at most 3 parts (sector:arena:object), found {parts.Length}";
            return false;
        }

        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].Trim();
            if (parts[i].Length == 0)
            {
                error = $"part {i + 1} is empty; expected sector[:arena[:object]]";
                return false;
            }
        }

        address = new Address(parts[0], parts.Length > 1 ? parts[1] : null, parts.Length > 2 ? parts[2] : null);
        error = null;
        return true;
    }
}
