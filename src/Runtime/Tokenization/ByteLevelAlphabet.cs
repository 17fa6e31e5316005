namespace Agents.Runtime.Tokenization;

/// <summary>
/// GPT-2's reversible map from the 256 byte values to printable characters, which byte-level BPE vocabularies
/// (and Hugging Face's ByteLevel pre-tokenizer) are written in. A space byte becomes 'Ġ', a newline 'Ċ'.
/// </summary>
public static class ByteLevelAlphabet
{
    private static readonly char[] ByteToChar = BuildByteToChar();
    private static readonly Dictionary<char, byte> CharToByte = ByteToChar.Select((c, b) => (c, b)).ToDictionary(p => p.c, p => (byte)p.b);

    /// <summary>The character that stands for <paramref name="value"/>.</summary>
    public static char ToChar(byte value) => ByteToChar[value];

    /// <summary>Maps UTF-8 bytes to the byte-level alphabet.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = ByteToChar[bytes[i]];
        }

        return new string(chars);
    }

    /// <summary>Maps a string of the byte-level alphabet back to bytes; false if it holds another character.</summary>
    public static bool TryDecode(string symbols, List<byte> into)
    {
        foreach (var c in symbols)
        {
            if (!CharToByte.TryGetValue(c, out var b))
            {
                return false;
            }

            into.Add(b);
        }

        return true;
    }

    private static char[] BuildByteToChar()
    {
        var map = new char[256];
        var next = 256;
        for (var b = 0; b < 256; b++)
        {
            var printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            map[b] = printable ? (char)b : (char)next++;
        }

        return map;
    }
}
