using System.Text.RegularExpressions;

namespace Agents.Collaboration.Programs;

/// <summary>
/// Mini, the project's own small expression language for software tasks: functions with parameters, let bindings,
/// if/else, integer and decimal arithmetic, comparisons, booleans, strings, lists with indexing and length, and
/// recursion; no loops and no I/O. Programs run only inside <see cref="MiniProgram"/>, within a step budget and a
/// recursion limit.
/// </summary>
public static class MiniLanguage
{
    /// <summary>The fence tag of Mini code blocks in replies ("```mini").</summary>
    public const string FenceTag = "mini";

    /// <summary>The file a program is stored in when a reply names none.</summary>
    public const string DefaultFile = "main.mini";

    /// <summary>A compact description of the language, for prompts that ask a model to write Mini.</summary>
    public const string Cheatsheet =
        "Mini language: fn name(a, b) = expr  or  fn name(a) { let x = expr; expr }. " +
        "if c { x } else { y } (else is required; else if chains). Integers 12, decimals 2.5, \"text\", true/false, lists [1, 2]. " +
        "Operators: + - * / (exact division) // (floor division) %, == != < <= > >=, and or not. " +
        "xs[i], xs[-1], xs[a:b], len(xs), range(n), push(xs, x), xs + ys, abs, min, max, str, int. " +
        "No loops: use recursion. # starts a comment.";

    /// <summary>
    /// The built-in functions (len, range, abs, min, max, str, int, push) that <paramref name="files"/> call, in
    /// alphabetical order: what a Mini program needs beyond the runner. Comments and strings do not count; todo() is a
    /// placeholder, not a need. Files that do not lex are read word by word.
    /// </summary>
    public static IReadOnlyList<string> BuiltinsUsed(IReadOnlyDictionary<string, string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, source) in files)
        {
            try
            {
                var tokens = MiniLexer.Tokenize(source, name);
                for (var i = 0; i + 1 < tokens.Count; i++)
                {
                    if (tokens[i].Kind == MiniTokenKind.Name && tokens[i + 1].Is("(") && MiniBuiltins.Arity.ContainsKey(tokens[i].Text))
                    {
                        used.Add(tokens[i].Text);
                    }
                }
            }
            catch (MiniSyntaxException)
            {
                used.UnionWith(MiniBuiltins.Arity.Keys.Where(b => Regex.IsMatch(source, $@"\b{b}\s*\(")));
            }
        }

        used.Remove("todo");
        return used.ToList();
    }
}
