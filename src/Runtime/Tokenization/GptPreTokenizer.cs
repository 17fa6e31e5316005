using System.Text.RegularExpressions;

namespace Agents.Runtime.Tokenization;

/// <summary>
/// The GPT-2 split of text into pieces (contractions, words with their leading space, numbers, punctuation, spaces)
/// before BPE, in two flavours: numbers as whole runs of digits (GPT-2), or every digit a piece of its own (as
/// Llama and Hugging Face's <c>Digits</c> pre-tokenizer with <c>individual_digits</c> do). Single digits let a
/// small model copy and compute with numbers digit by digit; a merged "1554" is one opaque id it must learn by heart.
/// </summary>
public static partial class GptPreTokenizer
{
    /// <summary>The GPT-2 pattern: it matches every character of any string, so no text is lost between pieces.</summary>
    public const string Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    /// <summary>The pattern with every digit a piece of its own (the space before a number is a piece too, as after Hugging Face's Digits then ByteLevel).</summary>
    public const string IndividualDigitsPattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    /// <summary>The compiled GPT-2 pattern.</summary>
    [GeneratedRegex(Pattern)]
    public static partial Regex Regex();

    /// <summary>The compiled pattern with single digits.</summary>
    [GeneratedRegex(IndividualDigitsPattern)]
    public static partial Regex IndividualDigitsRegex();

    /// <summary>The compiled pattern for the flavour.</summary>
    public static Regex Regex(bool individualDigits) => individualDigits ? IndividualDigitsRegex() : Regex();
}
