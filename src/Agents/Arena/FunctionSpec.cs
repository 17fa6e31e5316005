using System.Globalization;
using System.Text.RegularExpressions;
using Agents.Collaboration.Programs;
using Agents.Minds;

namespace Agents.Arena;

/// <summary>
/// A small function specification ("write digit_sum(n) returning the sum of the digits of n") with its reference
/// program in Mini and its hidden tests. The tests derive only from the requirement (a stable hash seeds them), so
/// the same question always has the same tests, and a spec can be read back from its question. Immutable and
/// thread-safe.
/// </summary>
public sealed partial class FunctionSpec
{
    /// <summary>Hidden tests per spec (the template's edge cases first, then random inputs).</summary>
    public const int HiddenTestCount = 8;

    private readonly FunctionSpecTemplate _template;
    private readonly IReadOnlyDictionary<string, long> _constants;

    internal FunctionSpec(FunctionSpecTemplate template, IReadOnlyDictionary<string, long> constants)
    {
        _template = template;
        _constants = constants;
        Requirement = $"{Signature} {Fill(template.Requirement)}";
        ReferenceProgram = Fill(template.Program);
    }

    /// <summary>The function's name, e.g. "digit_sum".</summary>
    public string Function => _template.Function;

    /// <summary>The function's parameters.</summary>
    public IReadOnlyList<string> Parameters => _template.Parameters;

    /// <summary>The call shape, e.g. "digit_sum(n)".</summary>
    public string Signature => $"{Function}({string.Join(", ", Parameters)})";

    /// <summary>What the function must do, e.g. "digit_sum(n) returns the sum of the decimal digits of n (n &gt;= 0)".</summary>
    public string Requirement { get; }

    /// <summary>A correct program, on one line (the teacher's answer).</summary>
    public string ReferenceProgram { get; }

    /// <summary>One visible example, e.g. "digit_sum(123) == 6".</summary>
    public MiniTestCase Example => Case(_template.Input(new Random(StableHash.Of(Requirement, 17)), _constants));

    /// <summary>The hidden tests: the template's edge cases, then random inputs, <see cref="HiddenTestCount"/> in all.</summary>
    public IReadOnlyList<MiniTestCase> HiddenTests
    {
        get
        {
            var random = new Random(StableHash.Of(Requirement, 1));
            var cases = _template.EdgeCases.Select(Case).ToList();
            for (var attempt = 0; cases.Count < HiddenTestCount && attempt < 100; attempt++)
            {
                var test = Case(_template.Input(random, _constants));
                if (!cases.Contains(test))
                {
                    cases.Add(test);
                }
            }

            return cases;
        }
    }

    /// <summary>The task without a reply form: requirement, example and the language in brief (for a chat chain or a team).</summary>
    public string Brief => $"Write the Mini function {Signature}: it {Fill(_template.Requirement)}. Example: {Example}. {Cheatsheet}";

    /// <summary>The question as put to a strategy: <see cref="Brief"/> and the reply's form, under 400 characters.</summary>
    public string Question => $"{Brief} Reply \"Answer: fn ...\" on one line.";

    /// <summary>The language in brief, short enough to sit in a question.</summary>
    public const string Cheatsheet = "Mini: fn f(a, b) = expr; if c { x } else { y }; { let x = e; expr }; // floor division, %; and or not; [1, 2], xs[i], xs[a:b], len(xs); recursion, no loops.";

    /// <summary>Reads a spec back from a text that starts as <see cref="Brief"/> and <see cref="Question"/> do; false for any other text.</summary>
    public static bool TryRead(string question, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FunctionSpec? spec)
    {
        ArgumentNullException.ThrowIfNull(question);
        spec = null;
        var head = Head().Match(question);
        if (!head.Success)
        {
            return false;
        }

        var template = FunctionSpecCatalog.Templates.FirstOrDefault(t => t.Function == head.Groups[1].Value);
        if (template is null)
        {
            return false;
        }

        var match = RequirementPattern(template).Match(question[head.Length..]);
        if (!match.Success)
        {
            return false;
        }

        var constants = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, min, max) in template.Constants)
        {
            if (!long.TryParse(match.Groups[name].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                return false;
            }

            constants[name] = value;
        }

        spec = new FunctionSpec(template, constants);
        return true;
    }

    /// <summary>Runs <paramref name="reply"/>'s program (code blocks, the text after "Answer:", or the whole reply) on the hidden tests.</summary>
    public Collaboration.ChatDev.SoftwareTestReport Grade(string reply) => new MiniTester(HiddenTests).Test(FilesOf(reply));

    /// <summary>
    /// Scores <paramref name="reply"/>'s program as ChatDev scores software (completeness x executability x consistency
    /// with <see cref="Requirement"/>), with the hidden tests' pass rate; a null reply scores 0 throughout.
    /// </summary>
    public ProgramScore Score(string? reply) =>
        ProgramScorer.Score(Requirement, reply is null ? new Dictionary<string, string>(StringComparer.Ordinal) : FilesOf(reply), HiddenTests);

    /// <summary>The files of a reply: its code blocks, else one default file holding the text after "Answer:" or the whole reply.</summary>
    public static IReadOnlyDictionary<string, string> FilesOf(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var files = CodeBlocks.Extract(reply);
        return files.Count > 0 ? files : new Dictionary<string, string>(StringComparer.Ordinal) { [MiniLanguage.DefaultFile] = CodeBlocks.ProgramText(reply) };
    }

    /// <summary>The expected result of calling the function on <paramref name="arguments"/>, from the C# reference.</summary>
    public MiniValue Expected(IReadOnlyList<MiniValue> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return _template.Reference(_constants, arguments.ToArray());
    }

    /// <inheritdoc />
    public override string ToString() => Requirement;

    private MiniTestCase Case(MiniValue[] arguments) =>
        new($"{Function}({string.Join(", ", arguments.Select(a => a.ToString()))})", _template.Reference(_constants, arguments));

    private string Fill(string text)
    {
        foreach (var (name, value) in _constants)
        {
            text = text.Replace("{" + name + "}", value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }

    // The requirement with each {constant} as a number group (repeats must match the first).
    private static Regex RequirementPattern(FunctionSpecTemplate template)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pattern = Regex.Replace(Regex.Escape(template.Requirement), @"\\\{(\w+)}", m =>
            seen.Add(m.Groups[1].Value) ? $"(?<{m.Groups[1].Value}>-?\\d+)" : $"\\k<{m.Groups[1].Value}>");
        return new Regex("^" + pattern + @"\. Example:", RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"^Write the Mini function (\w+)\([^)]*\): it ")]
    private static partial Regex Head();
}
