namespace Agents.World.Simulation;

/// <summary>
/// Turns an activity written as a command ("cook lunch for the guests") into the progressive form used in event
/// descriptions ("cooking lunch for the guests"), so perceived events read as the paper's do ("Isabella is cooking
/// lunch"). English spelling rules for the first word; text that already starts with an -ing word is kept.
/// </summary>
public static class Progressive
{
    private static readonly Dictionary<string, string> Irregular = new(StringComparer.OrdinalIgnoreCase)
    {
        ["be"] = "being", ["see"] = "seeing", ["flee"] = "fleeing", ["agree"] = "agreeing", ["free"] = "freeing",
        ["go"] = "going", ["do"] = "doing", ["dye"] = "dyeing", ["hoe"] = "hoeing", ["lie"] = "lying", ["die"] = "dying",
        ["tie"] = "tying", ["visit"] = "visiting", ["open"] = "opening", ["listen"] = "listening", ["happen"] = "happening",
        ["enter"] = "entering", ["offer"] = "offering", ["order"] = "ordering", ["wander"] = "wandering",
    };

    /// <summary>The progressive form of <paramref name="activity"/>.</summary>
    public static string Of(string activity)
    {
        var text = activity.Trim();
        if (text.Length == 0)
        {
            return text;
        }

        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var verb = space < 0 ? text : text[..space];
        var rest = space < 0 ? string.Empty : text[space..];
        return Verb(verb) + rest;
    }

    private static string Verb(string verb)
    {
        if (verb.Length < 2 || !verb.All(char.IsLetter) || (verb.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && verb.Length > 4))
        {
            return verb;
        }

        if (Irregular.TryGetValue(verb, out var known))
        {
            return known;
        }

        var lower = verb.ToLowerInvariant();
        if (lower.EndsWith("ie", StringComparison.Ordinal))
        {
            return verb[..^2] + "ying";
        }

        if (lower.EndsWith('e') && !lower.EndsWith("ee", StringComparison.Ordinal) && !lower.EndsWith("ye", StringComparison.Ordinal) && !lower.EndsWith("oe", StringComparison.Ordinal))
        {
            return verb[..^1] + "ing";
        }

        // One-syllable consonant-vowel-consonant words double their last consonant: sit -> sitting, shop -> shopping.
        if (lower.Length >= 3 && VowelGroups(lower) == 1 && IsConsonant(lower[^1]) && !"wxy".Contains(lower[^1], StringComparison.Ordinal)
            && IsVowel(lower[^2]) && IsConsonant(lower[^3]))
        {
            return verb + verb[^1] + "ing";
        }

        return verb + "ing";
    }

    private static int VowelGroups(string word)
    {
        var groups = 0;
        var inVowels = false;
        foreach (var c in word)
        {
            var vowel = IsVowel(c);
            if (vowel && !inVowels)
            {
                groups++;
            }

            inVowels = vowel;
        }

        return groups;
    }

    private static bool IsVowel(char c) => "aeiou".Contains(c, StringComparison.Ordinal);

    private static bool IsConsonant(char c) => char.IsLetter(c) && !IsVowel(c);
}
