using System.Text;
using System.Text.RegularExpressions;
using Agents.Collaboration.ChatDev;

namespace Agents.Collaboration.Programs;

/// <summary>
/// Scores Mini files as ChatDev scores software: completeness (the share of functions, or of lines when the program
/// does not parse, without placeholder code), executability (it builds and runs the tests without error), and
/// consistency with the task (<see cref="Consistency"/>: the task's identifiers and keywords found in the code).
/// Stateless and thread-safe.
/// </summary>
public static partial class ProgramScorer
{
    // Words of a task's phrasing that say nothing about what it asks ("returns", "the", "e.g."), besides Mini's keywords.
    private static readonly HashSet<string> PhrasingWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "about", "as",
        "is", "are", "be", "it", "its", "this", "that", "there", "so", "when", "else", "than", "each", "every", "all",
        "return", "give", "write", "function", "mini", "one", "two", "eg", "ie",
    };

    /// <summary>Scores <paramref name="files"/> against <paramref name="requirement"/> and the hidden <paramref name="tests"/>.</summary>
    public static ProgramScore Score(string requirement, IReadOnlyDictionary<string, string> files, IReadOnlyList<MiniTestCase> tests, MiniLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(tests);
        var report = new MiniTester(tests, limits).Test(files);
        return new ProgramScore(Completeness(files), report.Executable ? 1 : 0, Consistency(requirement, files), report);
    }

    /// <summary>
    /// The share of functions whose source (with the comment lines just above it) holds no placeholder; when the files
    /// do not parse, the share of non-blank lines without one; 0 for no code at all.
    /// </summary>
    public static double Completeness(IReadOnlyDictionary<string, string> files)
    {
        var (units, unfinished) = Units(files);
        return units == 0 ? 0 : (double)(units - unfinished.Count) / units;
    }

    /// <summary>
    /// What is unfinished, for a completion phase: "main.mini: rest (line 4)" per function holding a placeholder, or
    /// "main.mini: line 3" per placeholder line when the files do not parse; empty when nothing is.
    /// </summary>
    public static IReadOnlyList<string> Unfinished(IReadOnlyDictionary<string, string> files) => Units(files).Unfinished;

    // Functions when the files parse, else non-blank lines; and the unfinished ones among them.
    private static (int Units, List<string> Unfinished) Units(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var lines = files.ToDictionary(f => f.Key, f => f.Value.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'), StringComparer.Ordinal);
        MiniProgram? program = null;
        try
        {
            program = MiniParser.Parse(files);
        }
        catch (MiniSyntaxException)
        {
            // Counted line by line below.
        }

        var unfinished = new List<string>();
        if (program is null || program.Functions.Count == 0)
        {
            var count = 0;
            foreach (var (file, source) in lines.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                for (var i = 0; i < source.Length; i++)
                {
                    if (source[i].Trim().Length > 0)
                    {
                        count++;
                        if (IsPlaceholder(source[i]))
                        {
                            unfinished.Add($"{file}: line {i + 1}");
                        }
                    }
                }
            }

            return (count, unfinished);
        }

        foreach (var function in program.Functions)
        {
            var source = lines[function.File];
            var first = function.Line - 1;
            while (first > 0 && source[first - 1].TrimStart().StartsWith('#'))
            {
                first--;
            }

            if (source[first..Math.Min(function.EndLine, source.Length)].Any(IsPlaceholder))
            {
                unfinished.Add($"{function.File}: {function.Name} (line {function.Line})");
            }
        }

        return (program.Functions.Count, unfinished);
    }

    /// <summary>
    /// How well the code matches the task, from 0 to 1: the mean of identifier agreement and keyword coverage.
    /// Identifier agreement is the share of the functions the task writes as <c>name(...)</c> that the code defines
    /// (<c>fn name(...)</c>), each counting half when its parameters are not as many as the task's signature shows.
    /// Keyword coverage is the share of the task's content words (identifiers split at "_" and case changes, a plural
    /// "s" dropped; function words, Mini's keywords and one-letter names left out) found among the code's words
    /// (<see cref="CodeWords"/>: its identifiers, comments and strings). A task that names no function is scored on
    /// coverage alone; no code scores 0.
    /// </summary>
    /// <remarks>
    /// ChatDev measures consistency as the cosine between embeddings of the task and of the code (a large embedding
    /// model). A hashing embedding of such short texts is dominated by the n-grams they share ("n", "digit", "sum"), so
    /// on the function specs the reference program for another spec scored about as high as the right one (mean 0.66
    /// for the right program, up to 0.75 for another spec's, and below another spec's for fibonacci and is_prime).
    /// Counting which of the task's identifiers and words the code holds is local, deterministic and plain to read,
    /// and a program for another task names other functions. Like ChatDev's measure it reads text only: whether the
    /// program is right is the hidden tests' business (the pass rate), not this score's.
    /// </remarks>
    public static double Consistency(string requirement, IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(files);
        var code = string.Join('\n', files.Values);
        var codeWords = Terms(CodeWords(code));
        if (codeWords.Count == 0 && !Definition().IsMatch(code))
        {
            return 0;
        }

        var taskWords = Terms(CodeWords(requirement));
        var coverage = taskWords.Count == 0 ? (double?)null : (double)taskWords.Count(codeWords.Contains) / taskWords.Count;
        var identifiers = IdentifierAgreement(requirement, code);
        return (identifiers, coverage) switch
        {
            ({ } i, { } c) => (i + c) / 2,
            ({ } i, null) => i,
            (null, { } c) => c,
            _ => 0,
        };
    }

    // The share of the task's functions that the code defines (half for another number of parameters); null when the
    // task names none.
    private static double? IdentifierAgreement(string requirement, string code)
    {
        // A function's parameter count is known from the task's signature, name(a, b); examples such as f(0) name it only.
        var named = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (Match call in Call().Matches(requirement))
        {
            var name = call.Groups["name"].Value;
            var arguments = call.Groups["arguments"].Value.Split(',', StringSplitOptions.TrimEntries);
            int? count = arguments.All(a => Identifier().IsMatch(a)) ? arguments.Length : null;
            named[name] = named.GetValueOrDefault(name) ?? count;
        }

        if (named.Count == 0)
        {
            return null;
        }

        var defined = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match definition in Definition().Matches(code))
        {
            var parameters = definition.Groups["parameters"].Value;
            defined.TryAdd(definition.Groups["name"].Value, parameters.Trim().Length == 0 ? 0 : parameters.Split(',').Length);
        }

        return named.Average(n => !defined.TryGetValue(n.Key, out var count) ? 0 : n.Value is null || n.Value == count ? 1 : 0.5);
    }

    // Content words as a set: a plural "s" dropped, phrasing words, keywords and one-letter names left out.
    private static HashSet<string> Terms(string words)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var term = word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
            if (term.Length > 1 && !PhrasingWords.Contains(term) && !MiniLexer.Keywords.Contains(term))
            {
                terms.Add(term);
            }
        }

        return terms;
    }

    /// <summary>True when <paramref name="line"/> is placeholder code: todo(), a bare pass, "...", or a TODO/FIXME/unimplemented note.</summary>
    public static bool IsPlaceholder(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return PlaceholderCode().IsMatch(line) || PlaceholderNote().IsMatch(line);
    }

    /// <summary>The words of code: identifiers split into words, comments and string contents; keywords dropped.</summary>
    public static string CodeWords(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var words = new StringBuilder();
        foreach (Match token in Word().Matches(code))
        {
            var word = token.Value;
            if (MiniLexer.Keywords.Contains(word))
            {
                continue;
            }

            // digitSum, DigitSum and digit_sum all give "digit sum".
            foreach (var part in word.Split('_', StringSplitOptions.RemoveEmptyEntries))
            {
                words.Append(CaseChange().Replace(part, " ").ToLowerInvariant()).Append(' ');
            }
        }

        return words.ToString().Trim();
    }

    [GeneratedRegex(@"\btodo\s*\(|(^\s*|[={(;]\s*)pass\s*($|[;})#])|\.\.\.|\bunimplemented\b|NotImplemented", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceholderCode();

    [GeneratedRegex(@"#.*\b(TODO|FIXME|XXX|not (yet )?implemented|implement (this|me|later))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceholderNote();

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9_]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"(?<=[a-z0-9])(?=[A-Z])")]
    private static partial Regex CaseChange();

    [GeneratedRegex(@"\b(?<name>[A-Za-z_][A-Za-z0-9_]*)\((?<arguments>[^()]*)\)")]
    private static partial Regex Call();

    [GeneratedRegex(@"\bfn\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*\((?<parameters>[^)]*)\)")]
    private static partial Regex Definition();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
