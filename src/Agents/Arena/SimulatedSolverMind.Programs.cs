using System.Text.RegularExpressions;
using Agents.Collaboration.AgentVerse;
using Agents.Decisions;

namespace Agents.Arena;

/// <content>
/// The stand-in as a programmer, reviewer and evaluator of function specs (<see cref="FunctionSpec"/>): it writes the
/// reference program or, at its error rate, a plausible flawed one (<see cref="FunctionSpecSolver.Flawed"/>); it knows
/// whether a program is right (as it knows the sum of two numbers) and, as a reviewer, critic or evaluator, spots a
/// wrong one with chance <see cref="CatchRate"/>; asked to write code again over a wrong program (a chain's fix
/// phase, a turn after criticism or a failed execution), it fixes it with chance <see cref="FixRate"/>. Asked for a
/// document (a phase prompt naming a .txt or .md file), it writes requirements from the code's built-ins, or a short
/// manual from the spec.
/// </content>
public sealed partial class SimulatedSolverMind
{
    /// <summary>The chance of a flawed program when a programmer writes one in a single reply (as a direct answer errs).</summary>
    public const double ProgrammerErrorRate = 0.25;

    /// <summary>The chance that a reviewer, critic or evaluator notices that a program is wrong.</summary>
    public const double CatchRate = 0.8;

    /// <summary>The chance that a programmer asked to fix a wrong program writes a right one.</summary>
    public const double FixRate = 0.8;

    private const string SpecHead = "Write the Mini function";

    // The spec anywhere in a prompt: a field, a phase's prompt or an attached task.
    private static FunctionSpec? SpecIn(string prompt)
    {
        var at = prompt.IndexOf(SpecHead, StringComparison.Ordinal);
        return at >= 0 && FunctionSpec.TryRead(prompt[at..], out var spec) ? spec : null;
    }

    private static string Program(FunctionSpec spec, double errorRate, bool showSteps, Random random)
    {
        var program = Write(spec, errorRate, random);
        return showSteps ? $"I write {spec.Signature} recursively.\nAnswer: {program}" : $"Answer: {program}";
    }

    private static string Write(FunctionSpec spec, double errorRate, Random random) =>
        random.NextDouble() < errorRate ? FunctionSpecSolver.Flawed(spec, random.Next()) : spec.ReferenceProgram;

    // Over an existing program: keep a right one; fix a wrong one with chance FixRate, else write another flawed one.
    private static string Rewrite(FunctionSpec spec, string? current, Random random) =>
        current is null ? Write(spec, ProgrammerErrorRate, random)
            : Works(spec, current) ? CodeBlocksProgram(current)
            : random.NextDouble() < FixRate ? spec.ReferenceProgram
            : FunctionSpecSolver.Flawed(spec, random.Next());

    private static bool Works(FunctionSpec spec, string reply) => spec.Grade(reply).AllPassed;

    private static string CodeBlocksProgram(string reply) => Collaboration.Programs.CodeBlocks.ProgramText(reply).Trim();

    private static string Fenced(string program) => $"{Collaboration.Programs.MiniLanguage.DefaultFile}\n```{Collaboration.Programs.MiniLanguage.FenceTag}\n{program}\n```";

    // What a reviewer who traced the code by hand would say: the first hidden input it gets wrong.
    private static string Hint(FunctionSpec spec, string reply)
    {
        var report = spec.Grade(reply);
        var line = FailureLines(report.Text).FirstOrDefault();
        var failing = line is null ? Match.Empty : Traced().Match(line);
        return report.BuildError is { } error ? $"{spec.Signature} does not build: {error}"
            : failing.Success ? $"{failing.Groups["call"].Value} gives {failing.Groups["got"].Value}, but it should be {failing.Groups["want"].Value}"
            : line is not null ? $"{line["ERROR ".Length..]}"
            : $"{spec.Signature} fails on some inputs";
    }

    private static IEnumerable<string> FailureLines(string? report) =>
        (report ?? string.Empty).Split('\n').Where(l => l.StartsWith("FAILED ", StringComparison.Ordinal) || l.StartsWith("ERROR ", StringComparison.Ordinal));

    private static bool ShowsFailure(string? report) =>
        report is not null && (FailureLines(report).Any() || report.Contains("does not build", StringComparison.Ordinal) || report.Contains("No program was written", StringComparison.Ordinal));

    private static string ExpertProgram(FunctionSpec spec, PromptReader p, string prompt, Random random)
    {
        var draft = Attached(prompt, "draft") ?? (p.Field("Draft") is { } d && d != "(none)" ? d : null);
        if (p.Field("Part") == "critic")
        {
            return draft is null || Works(spec, draft) || random.NextDouble() >= CatchRate ? ExpertTurnDecision.Agree : $"The draft is wrong: {Hint(spec, draft)}";
        }

        // A new turn starts from the last solution; it is rewritten only when someone found fault with it.
        var execution = Attached(prompt, "execution") ?? p.Field("Execution");
        var criticised = p.List("Discussion").Any(l => !l.Contains(ExpertTurnDecision.Agree, StringComparison.OrdinalIgnoreCase))
            || ShowsFailure(execution)
            || (p.Field("Advice") ?? string.Empty).StartsWith("fix", StringComparison.OrdinalIgnoreCase);
        var program = draft is not null && !criticised ? CodeBlocksProgram(draft) : Rewrite(spec, draft, random);
        return Fenced(program);
    }

    private static string EvaluateProgram(FunctionSpec spec, PromptReader p, string prompt, Random random)
    {
        var solution = Attached(prompt, "solution") ?? p.Field("Solution") ?? string.Empty;
        var execution = Attached(prompt, "execution") ?? p.Field("Execution");
        if (ShowsFailure(execution))
        {
            return $"Score: 2\nAdvice: fix the program; the execution failed: {FailureLines(execution).FirstOrDefault() ?? "it does not build"}";
        }

        return !Works(spec, solution) && random.NextDouble() < CatchRate
            ? $"Score: 4\nAdvice: fix the edge cases; {Hint(spec, solution)}"
            : "Score: 9\nAdvice: keep it; it meets the task";
    }

    // A ChatDev phase turn. The Programmer writes code (or, asked to summarise, names the failing test); a Reviewer
    // comments; the other roles settle their phase at once.
    private static string Phase(PromptReader p, string prompt, Random random)
    {
        var agent = p.Field("Agent") ?? string.Empty;
        var asked = p.Field("Prompt") ?? string.Empty;
        if (p.Field("Reflection") == "yes")
        {
            return "<INFO> Finished";
        }

        var spec = SpecIn(prompt);
        if (DocumentFile().Match(asked) is { Success: true } document)
        {
            var name = document.Groups[1].Value;
            var text = name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? Manual(spec, prompt) : Requirements(prompt);
            return $"{name}\n```\n{text.TrimEnd('\n')}\n```\n<INFO> Finished";
        }

        if (agent.Contains("Programmer", StringComparison.OrdinalIgnoreCase))
        {
            if (Summarise().IsMatch(asked))
            {
                return $"<INFO> {FailureLines(prompt).FirstOrDefault() ?? "No test failed."}";
            }

            var codes = Attached(prompt, "codes");
            return spec is not null ? $"{Fenced(Rewrite(spec, codes, random))}\n<INFO> Finished"
                : codes is not null ? $"{Fenced(CodeBlocksProgram(codes))}\n<INFO> Finished"
                : "I write Mini only for a function specification (\"Write the Mini function f(x): it ...\"); this task is none.\n<INFO> Finished";
        }

        if (agent.Contains("Reviewer", StringComparison.OrdinalIgnoreCase))
        {
            var codes = Attached(prompt, "codes");
            return spec is not null && codes is not null && !Works(spec, codes) && random.NextDouble() < CatchRate
                ? $"<INFO> {Hint(spec, codes)}"
                : "<INFO> Finished";
        }

        return asked.Contains("language", StringComparison.OrdinalIgnoreCase) ? "<INFO> Mini"
            : asked.Contains("modality", StringComparison.OrdinalIgnoreCase) ? "<INFO> a Mini program in one file"
            : "<INFO> Finished";
    }

    // What the attached code needs: the Mini runner, then each built-in it calls.
    private static string Requirements(string prompt)
    {
        var codes = Attached(prompt, "codes");
        var builtins = codes is null ? [] : Collaboration.Programs.MiniLanguage.BuiltinsUsed(Collaboration.Programs.CodeBlocks.Extract(codes));
        return string.Join('\n', builtins.Select(b => $"builtin {b}").Prepend("mini (the built-in Mini runner; no packages)"));
    }

    // A short manual: what the function does, one call with its result, and the requirements when the prompt holds them.
    private static string Manual(FunctionSpec? spec, string prompt)
    {
        var needs = (Attached(prompt, "requirements") ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var what = spec is null ? "The program in main.mini solves the task it was written for." : $"{spec.Requirement}.";
        var use = spec is null ? "Load main.mini in the Mini runner and call its first function." : $"Load main.mini in the Mini runner and call {spec.Signature}, for example `{spec.Example.Call}` gives `{spec.Example.Expected}`.";
        var lines = new List<string> { $"# {spec?.Function ?? "main.mini"}", string.Empty, what, string.Empty, "## Use", string.Empty, use, string.Empty, "## Requirements", string.Empty };
        lines.AddRange(needs.Length == 0 ? ["- the Mini runner"] : needs.Select(n => $"- {n}"));
        return string.Join('\n', lines);
    }

    // The verbatim "Attached name:" block of a prompt (see PromptAttachments), or null.
    private static string? Attached(string prompt, string name)
    {
        var header = $"\nAttached {name}:\n";
        var start = prompt.IndexOf(header, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += header.Length;
        var next = NextAttachment().Match(prompt, start);
        var reply = prompt.LastIndexOf("\nReply: ", StringComparison.Ordinal);
        var end = next.Success ? next.Index : reply > start ? reply : prompt.Length;
        return prompt[start..end];
    }

    [GeneratedRegex(@"^FAILED (?<call>.+?): returned (?<got>.+); expected (?<want>.+)$")]
    private static partial Regex Traced();

    [GeneratedRegex(@"\b([A-Za-z][A-Za-z0-9_-]*\.(?:txt|md))\b")]
    private static partial Regex DocumentFile();

    [GeneratedRegex(@"\bsummari[sz]e", RegexOptions.IgnoreCase)]
    private static partial Regex Summarise();

    [GeneratedRegex(@"\nAttached [A-Za-z_][A-Za-z0-9_]*:\n")]
    private static partial Regex NextAttachment();
}
