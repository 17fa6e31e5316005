namespace Agents.Collaboration.Programs;

/// <summary>The kinds of token of Mini.</summary>
internal enum MiniTokenKind
{
    End,
    Integer,
    Decimal,
    Text,
    Name,
    Keyword,
    Symbol,
}
