namespace Agents.Collaboration.Programs;

/// <summary>A token of Mini source with its 1-based place; <see cref="AfterNewline"/> tells a call from a new line that starts with "(".</summary>
internal readonly record struct MiniToken(MiniTokenKind Kind, string Text, int Line, int Column, bool AfterNewline)
{
    public bool Is(string symbolOrKeyword) =>
        (Kind is MiniTokenKind.Symbol or MiniTokenKind.Keyword) && string.Equals(Text, symbolOrKeyword, StringComparison.Ordinal);

    public string Describe() => Kind switch
    {
        MiniTokenKind.End => "the end of the file",
        MiniTokenKind.Text => "a string",
        MiniTokenKind.Integer or MiniTokenKind.Decimal => $"the number {Text}",
        MiniTokenKind.Name => $"the name '{Text}'",
        _ => $"'{Text}'",
    };
}
