namespace Agents.Collaboration.Programs;

/// <summary>The kinds of value of Mini.</summary>
public enum MiniValueKind
{
    /// <summary>A 64-bit integer.</summary>
    Integer,

    /// <summary>A decimal number (28 significant digits, exact in base ten).</summary>
    Decimal,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A string.</summary>
    Text,

    /// <summary>A list of values.</summary>
    List,
}
