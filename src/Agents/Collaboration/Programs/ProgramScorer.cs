using System.Numerics.Tensors;
using System.Text;
using System.Text.RegularExpressions;
using Agents.Collaboration.ChatDev;
using Agents.Memory.Embeddings;

namespace Agents.Collaboration.Programs;

/// <summary>
/// Scores Mini files as ChatDev scores software: completeness (the share of functions, or of lines when the program
/// does not parse, without placeholder code), executability (it builds and runs the tests without error), and
/// consistency (the cosine between hashing embeddings of the requirement and of the code's words: identifiers split
/// at "_" and case changes, comments and strings). Stateless and thread-safe.
/// </summary>
public static partial class ProgramScorer
{
    private static readonly HashingEmbedder Embedder = new();

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

    /// <summary>The cosine (clamped to 0..1) between the embeddings of <paramref name="requirement"/> and of the code's words.</summary>
    public static double Consistency(string requirement, IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(files);
        var words = CodeWords(string.Join('\n', files.Values));
        if (words.Length == 0 || requirement.Trim().Length == 0)
        {
            return 0;
        }

        var cosine = TensorPrimitives.CosineSimilarity(Embedder.Embed(requirement), Embedder.Embed(words));
        return float.IsNaN(cosine) ? 0 : Math.Clamp(cosine, 0, 1);
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
}
