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
}
