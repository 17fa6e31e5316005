using System.Text.RegularExpressions;

namespace Agents.Runtime.Tokenization;

/// <summary>The GPT-2 split of text into pieces (contractions, words with their leading space, numbers, punctuation, spaces) before BPE.</summary>
public static partial class GptPreTokenizer
{
    /// <summary>The pattern: it matches every character of any string, so no text is lost between pieces.</summary>
    public const string Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    /// <summary>The compiled pattern.</summary>
    [GeneratedRegex(Pattern)]
    public static partial Regex Regex();
}
