using Microsoft.ML.Tokenizers;

namespace Agents.Runtime.Tokenization;

/// <summary>
/// A byte-level BPE tokenizer with the chat template's special tokens. Encoding and decoding go through
/// Microsoft.ML.Tokenizers' <see cref="BpeTokenizer"/> built from the vocabulary and merges; text never turns
/// into special tokens by itself (they are placed by id by <see cref="ChatTemplate"/>), so user text cannot
/// forge a turn. Immutable and thread-safe.
/// </summary>
public sealed class ChatTokenizer
{
    private readonly BpeTokenizer bpe;
    private readonly Dictionary<string, int> ids;

    /// <summary>Builds the tokenizer from its tokens (index = id, in the byte-level alphabet) and merges in priority order.</summary>
    /// <param name="tokens">The vocabulary in id order.</param>
    /// <param name="merges">The merges in priority order.</param>
    /// <param name="source">Names the tokenizer in error messages (its file).</param>
    /// <param name="individualDigits">Whether every digit is a piece of its own before BPE (see <see cref="GptPreTokenizer"/>).</param>
    /// <exception cref="TokenizerFormatException">A byte symbol or special token is missing, or a token repeats.</exception>
    public ChatTokenizer(IReadOnlyList<string> tokens, IReadOnlyList<(string Left, string Right)> merges, string source = "tokenizer", bool individualDigits = false)
    {
        IndividualDigits = individualDigits;
        Tokens = tokens.ToArray();
        Merges = merges.ToArray();
        ids = new Dictionary<string, int>(Tokens.Count, StringComparer.Ordinal);
        for (var i = 0; i < Tokens.Count; i++)
        {
            if (!ids.TryAdd(Tokens[i], i))
            {
                throw new TokenizerFormatException($"{source}: token \"{Tokens[i]}\" appears twice in the vocabulary (ids {ids[Tokens[i]]} and {i}).");
            }
        }

        for (var b = 0; b < 256; b++)
        {
            if (!ids.ContainsKey(ByteLevelAlphabet.ToChar((byte)b).ToString()))
            {
                throw new TokenizerFormatException($"{source}: expected the byte-level symbol for byte {b} in the vocabulary, found none.");
            }
        }

        foreach (var special in SpecialTokens.All)
        {
            if (!ids.ContainsKey(special))
            {
                throw new TokenizerFormatException($"{source}: expected the special token {special} in the vocabulary, found none.");
            }
        }

        foreach (var (left, right) in Merges)
        {
            if (!ids.ContainsKey(left) || !ids.ContainsKey(right) || !ids.ContainsKey(left + right))
            {
                throw new TokenizerFormatException($"{source}: the merge \"{left} {right}\" uses or makes a token that is not in the vocabulary.");
            }
        }

        var options = new BpeOptions(ids)
        {
            Merges = Merges.Select(m => m.Left + " " + m.Right),
            ByteLevel = true,
            PreTokenizer = new RegexPreTokenizer(GptPreTokenizer.Regex(individualDigits), null),
        };
        bpe = BpeTokenizer.Create(options);
        EndOfText = ids[SpecialTokens.EndOfText];
        EndOfMessage = ids[SpecialTokens.EndOfMessage];
    }

    /// <summary>The vocabulary in id order, written in the byte-level alphabet (special tokens as themselves).</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>The merges in priority order.</summary>
    public IReadOnlyList<(string Left, string Right)> Merges { get; }

    /// <summary>Whether every digit is a piece of its own before BPE, so no token holds two digits.</summary>
    public bool IndividualDigits { get; }

    /// <summary>The number of ids.</summary>
    public int VocabularySize => Tokens.Count;

    /// <summary>The id of <see cref="SpecialTokens.EndOfText"/>.</summary>
    public int EndOfText { get; }

    /// <summary>The id of <see cref="SpecialTokens.EndOfMessage"/>.</summary>
    public int EndOfMessage { get; }

    /// <summary>The id of a token, special or not.</summary>
    /// <exception cref="KeyNotFoundException">The token is not in the vocabulary.</exception>
    public int IdOf(string token) => ids[token];

    /// <summary>Encodes plain text; special-token strings in it are encoded as ordinary text.</summary>
    public int[] Encode(string text) => text.Length == 0 ? [] : bpe.EncodeToIds(text).ToArray();

    /// <summary>Decodes ids back to text (special tokens render as their strings).</summary>
    public string Decode(IEnumerable<int> tokenIds) => bpe.Decode(tokenIds) ?? string.Empty;

    /// <summary>Writes the tokenizer as a Hugging Face style tokenizer.json.</summary>
    public void Save(string path) => TokenizerJson.Write(this, path);

    /// <summary>Reads a tokenizer.json written by <see cref="Save"/> (or by Hugging Face tokenizers, for a byte-level BPE).</summary>
    /// <exception cref="TokenizerFormatException">The file is not such a tokenizer; the message names the file and what is wrong.</exception>
    public static ChatTokenizer Load(string path) => TokenizerJson.Read(path);
}
