using System.Text.RegularExpressions;
using Agents.Decisions;

namespace Agents.Minds;

/// <summary>Who said what in a memory, and how to pass it on: the scripted mind's reported speech.</summary>
/// <param name="Source">Who first said it; null for the agent's own words.</param>
/// <param name="Listener">Whom the agent told it to, for "I told X ..." memories; else null.</param>
/// <param name="Core">The words themselves, without "X told me" or "Did you hear?".</param>
internal sealed record Said(string? Source, string? Listener, string Core);

/// <summary>Text helpers of the scripted mind: reported speech, person changes, kinds of memory.</summary>
internal static class Speech
{
    /// <summary>How a speaker introduces news it passes on; stripped when the news is passed on again.</summary>
    public static readonly string[] Openers = ["Did you hear? ", "Have you heard? ", "I heard that ", "News: ", "By the way, ", "Guess what? "];

    private const string Name = @"[A-Z][\w'-]*(?: [A-Z][\w'-]*)+";
    private static readonly Regex ToldMe = new($"^({Name}) told me(?: at [^:\"]+(?::[^:\"]+)*)?: \"([^\"]+)\"?", RegexOptions.CultureInvariant);
    private static readonly Regex ToldMeBare = new($"^({Name}) told me at [^:]+(?::[^:]+)?: ", RegexOptions.CultureInvariant);
    private static readonly Regex IToldQuote = new($"^I told ({Name})(?: at [^:\"]+)?: \"([^\"]+)\"?", RegexOptions.CultureInvariant);
    private static readonly Regex IToldAbout = new($"^I told ({Name}) about (.+?)\\.?$", RegexOptions.CultureInvariant);
    private static readonly Regex SaidQuote = new($"^({Name}) said: \"([^\"]+)\"", RegexOptions.CultureInvariant);
    private static readonly Regex KeepsInMind = new($"^{Name} keeps in mind that ", RegexOptions.CultureInvariant);
    private static readonly Regex Observation = new($"^(?:the [^\\n]+ is in use by |{Name} is (?:\\w+ing\\b|on the way to|idle|asleep))", RegexOptions.CultureInvariant);
    private static readonly Regex FirstPerson = new(@"\b(?:I(?:'m| am)|I'(?:ve|ll|d)|I(?: (?:also|really|just|still|always|often|never|usually|only))? [a-z]+|[Mm]y|me|myself|mine|[Ww]e|[Oo]ur|us)\b", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> Unchanged = new(StringComparer.Ordinal)
    {
        "was", "were", "will", "would", "can", "could", "should", "must", "might", "may", "shall", "had", "did", "ran", "went", "saw",
        "met", "took", "made", "said", "told", "got", "came", "gave", "found", "thought", "knew", "left", "bought", "brought",
        "wrote", "ate", "sat", "put", "began", "heard", "felt", "kept", "lost", "won", "taught", "spent", "built", "sold", "held",
    };

    /// <summary>True when a prompt cut the text short ("...").</summary>
    public static bool IsCut(string text) => text.EndsWith("...", StringComparison.Ordinal);

    /// <summary>The first name ("Sam" of "Sam Moore").</summary>
    public static string FirstName(string name) => name.Split(' ')[0];

    /// <summary>True for what an agent perceives of others ("X is walking", "the desk is in use by X for ...").</summary>
    public static bool IsObservation(string text) => Observation.IsMatch(text);

    /// <summary>Who said a memory's words, and the words, stripped of relay prefixes.</summary>
    public static Said Parse(string text)
    {
        string? source = null;
        string? listener = null;
        var core = text.Trim();
        while (true)
        {
            if (ToldMe.Match(core) is { Success: true } quoted)
            {
                (source, core) = (quoted.Groups[1].Value, quoted.Groups[2].Value.Trim());
                continue;
            }

            if (IToldQuote.Match(core) is { Success: true } told)
            {
                (listener, core) = (told.Groups[1].Value, told.Groups[2].Value.Trim());
                continue;
            }

            if (IToldAbout.Match(core) is { Success: true } about)
            {
                (listener, core) = (about.Groups[1].Value, about.Groups[2].Value.Trim());
                continue;
            }

            if (ToldMeBare.Match(core) is { Success: true } bare)
            {
                (source, core) = (bare.Groups[1].Value, core[bare.Length..].Trim());
                continue;
            }

            if (SaidQuote.Match(core) is { Success: true } said)
            {
                (source, core) = (said.Groups[1].Value, said.Groups[2].Value.Trim());
                continue;
            }

            if (KeepsInMind.Match(core) is { Success: true } mind)
            {
                core = core[mind.Length..].Trim();
                continue;
            }

            var opener = Openers.FirstOrDefault(o => core.StartsWith(o, StringComparison.Ordinal));
            if (opener is not null)
            {
                core = core[opener.Length..].Trim();
                continue;
            }

            return new Said(source, listener, core.Trim('"', ' '));
        }
    }

    /// <summary>
    /// <paramref name="text"/> with its first person turned into the third, about <paramref name="name"/>: "I am
    /// planning a party, and I want ..." becomes "Isabella Rodriguez is planning a party, and Isabella wants ...".
    /// The full name comes first, then the first name (always the first name when <paramref name="named"/>).
    /// </summary>
    public static string Third(string text, string name, bool named = false)
    {
        var first = FirstName(name);
        var used = named;
        string Who()
        {
            var who = used ? first : name;
            used = true;
            return who;
        }

        return FirstPerson.Replace(text, m =>
        {
            var word = m.Value;
            switch (word)
            {
                case "my" or "My" or "mine":
                    return first + "'s";
                case "me" or "myself":
                    return first;
                case "we":
                    return "they";
                case "We":
                    return "They";
                case "our":
                    return "their";
                case "Our":
                    return "Their";
                case "us":
                    return "them";
                case "I'm" or "I am":
                    return Who() + " is";
                case "I've":
                    return Who() + " has";
                case "I'll":
                    return Who() + " will";
                case "I'd":
                    return Who() + " would";
            }

            var parts = word.Split(' ');
            var verb = parts[^1];
            var middle = parts.Length == 3 ? parts[1] + " " : string.Empty;
            return Who() + " " + middle + Conjugate(verb);
        });
    }

    /// <summary>The sentences of a text, split after . ! or ? before a space.</summary>
    public static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if ((text[i] is '.' or '!' or '?') && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                var sentence = text[start..(i + 1)].Trim();
                if (sentence.Length > 0)
                {
                    yield return sentence;
                }

                start = i + 1;
            }
        }

        if (start < text.Length && text[start..].Trim() is { Length: > 0 } rest)
        {
            yield return rest;
        }
    }

    /// <summary>The text cut to <paramref name="max"/> characters at the end of a clause (", " or "; ") when it can be, else at a word.</summary>
    public static string Clause(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = Math.Max(text.LastIndexOf(", ", max, StringComparison.Ordinal), text.LastIndexOf("; ", max, StringComparison.Ordinal));
        return cut >= max / 2 ? text[..cut] : PromptBuilder.Cut(text, max);
    }

    /// <summary>The share (0 to 1) of <paramref name="text"/>'s content words that <paramref name="words"/> holds.</summary>
    public static double Covered(string text, HashSet<string> words)
    {
        var own = TextWords.Of(text);
        return own.Count == 0 ? 1 : (double)own.Count(words.Contains) / own.Count;
    }

    private static string Conjugate(string verb)
    {
        if (Unchanged.Contains(verb) || verb.EndsWith("ed", StringComparison.Ordinal))
        {
            return verb;
        }

        return verb switch
        {
            "have" => "has",
            "do" => "does",
            "go" => "goes",
            _ when verb.EndsWith('y') && verb.Length > 1 && !"aeiou".Contains(verb[^2], StringComparison.Ordinal) => verb[..^1] + "ies",
            _ when verb.EndsWith('s') || verb.EndsWith('x') || verb.EndsWith('z') || verb.EndsWith("sh", StringComparison.Ordinal) || verb.EndsWith("ch", StringComparison.Ordinal) || verb.EndsWith('o') => verb + "es",
            _ => verb + "s",
        };
    }
}
