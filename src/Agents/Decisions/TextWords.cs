namespace Agents.Decisions;

/// <summary>Content words of a text, for the scripted mind's matching.</summary>
internal static class TextWords
{
    private static readonly HashSet<string> Stop = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "to", "of", "in", "on", "at", "for", "with", "is", "are", "was", "be", "it", "i",
        "my", "me", "his", "her", "he", "she", "they", "them", "their", "up", "go", "get", "some", "from", "by", "as",
        "this", "that", "into", "out", "about", "what", "who", "how", "do", "does", "has", "have", "will", "continuing",
        "getting", "started", "wrapping",
    };

    public static HashSet<string> Of(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\'');
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                var word = text[start..i].ToLowerInvariant();
                if (!Stop.Contains(word) && word.Length > 1)
                {
                    words.Add(word.EndsWith('s') && word.Length > 3 ? word[..^1] : word);
                }

                start = -1;
            }
        }

        return words;
    }

    public static int Overlap(HashSet<string> a, string text)
    {
        var n = 0;
        foreach (var word in Of(text))
        {
            if (a.Contains(word))
            {
                n++;
            }
        }

        return n;
    }
}
