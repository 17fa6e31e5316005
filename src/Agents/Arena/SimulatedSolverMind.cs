using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Agents.Collaboration;
using Agents.Collaboration.AgentVerse;
using Agents.Collaboration.ChatDev;
using Agents.Decisions;
using Agents.Minds;
using Agents.Tools;

namespace Agents.Arena;

/// <summary>
/// A rule-based stand-in for a small model in the arena, for demos and tests without any model: it does arithmetic
/// "by heart" with a seeded chance of error per operation (high when answering directly, lower step by step, growing
/// with the digits of a product), uses the calculator and knowledge base exactly when ReAct offers them, and debates
/// by majority. Word problems: it may add a distractor number (likely when answering directly). The 24 game: it finds a
/// solution by heart with a chance that falls with its error rate, else guesses; with the calculator it checks each try.
/// Slogans: it may drop a line, the name or the feature (often when answering directly); as a judge it scores both
/// slogans with <see cref="SloganRubric"/> and, when they tie, prefers the one shown first (position bias, which the
/// arena's two orders turn into a tie). Function specs: it writes the reference program or, at its error rate, a flawed
/// one, and plays ChatDev's programmer and reviewer and AgentVerse's programmer, critics and evaluator on them (see
/// <see cref="ProgrammerErrorRate"/>, <see cref="CatchRate"/>, <see cref="FixRate"/>); other ChatDev roles settle
/// their phase at once. Solve prompts' instructions matter as <see cref="InstructionCues"/> documents,
/// and as an optimiser (OPRO) it adds one of <see cref="InstructionCues.Tips"/> to the best instruction so far.
/// Its ratings show the arena's machinery, not any model's skill. Deterministic per prompt and seed; thread-safe.
/// </summary>
public sealed partial class SimulatedSolverMind : IMind
{
    private readonly int _seed;

    /// <summary>Creates the mind; <paramref name="seed"/> varies its mistakes.</summary>
    public SimulatedSolverMind(int seed = 0) => _seed = seed;

    /// <inheritdoc />
    public Task<IReadOnlyList<MindReply>> AnswerAsync(IReadOnlyList<IDecision> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Task.FromResult<IReadOnlyList<MindReply>>(batch.Select(d => new MindReply(Answer(d.Render()))).ToList());
    }

    /// <summary>The reply to one rendered prompt.</summary>
    public string Answer(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var p = new PromptReader(prompt);
        var random = new Random(Hash(prompt));
        var question = p.Field("Question") ?? string.Empty;
        return p.Type switch
        {
            SolveDecision.Name => SolveInStyle(p.Field("Style"), InstructionOf(prompt), question, random),
            ReActStepDecision.Name => ReAct(question, p.List("Trace"), int.Parse(p.Field("Step") ?? "1", CultureInfo.InvariantCulture), p.Field("Must finish") == "yes", InstructionOf(prompt), random),
            DebateAnswerDecision.Name => Debate(p, question, random),
            DebateArgumentDecision.Name => Solve(question, 0.06, true, random),
            VerdictDecision.Name => Moderate(p.List("Debate")),
            JudgeDecision.Name => Judge(p, question, random),
            RecruitDecision.Name => SpecIn(prompt) is null ? "1. a solver who works step by step\n2. an arithmetic checker\n3. a second checker" : "1. a programmer\n2. a code reviewer\n3. a tester",
            ExpertTurnDecision.Name => SpecIn(prompt) is { } spec ? ExpertProgram(spec, p, prompt, random) : Expert(p, random),
            EvaluateDecision.Name => SpecIn(prompt) is { } spec ? EvaluateProgram(spec, p, prompt, random) : Evaluate(p, random),
            PhaseTurnDecision.Name => Phase(p, prompt, random),
            SideBySideDecision.Name => JudgeSideBySide(p),
            InstructionProposalDecision.Name => Propose(p, random),
            _ => string.Empty,
        };
    }

    private static string Solve(string question, double errorRate, bool showSteps, Random random, double distraction = 0.15)
    {
        // First: a spec's text holds arithmetic ("1 * 2 * ... * n") that the expression pattern would take for the task.
        if (FunctionSpec.TryRead(question, out var spec))
        {
            return Program(spec, errorRate, showSteps, random);
        }

        var expression = Expression().Match(question);
        if (!expression.Success)
        {
            return SolveOther(question, errorRate, showSteps, random, distraction);
        }

        var steps = new StringBuilder();
        var value = Mental(expression.Value, errorRate, random, steps);
        return showSteps ? $"{steps}Answer: {value}" : $"Answer: {value}";
    }

    // Products first, then sums left to right, each operation erring with a chance that grows with its digits.
    private static decimal Mental(string expression, double errorRate, Random random, StringBuilder steps)
    {
        var terms = TermSplit().Matches(expression.Replace(" ", string.Empty, StringComparison.Ordinal));
        decimal total = 0;
        var first = true;
        foreach (Match term in terms)
        {
            var factors = term.Groups["term"].Value.Split('*').Select(f => decimal.Parse(f, CultureInfo.InvariantCulture)).ToList();
            var product = factors[0];
            foreach (var factor in factors.Skip(1))
            {
                var left = product;
                var exact = product * factor;
                var digits = Digits(product) * Digits(factor);
                product = Err(exact, Math.Min(0.95, errorRate * Math.Max(1, digits / 2.0)), random);
                steps.Append(CultureInfo.InvariantCulture, $"{left}*{factor} = {product}\n");
            }

            var sign = term.Groups["sign"].Value == "-" ? -1 : 1;
            if (first)
            {
                total = sign * product;
                first = false;
            }
            else
            {
                var exact = total + (sign * product);
                var next = Err(exact, errorRate, random);
                steps.Append(CultureInfo.InvariantCulture, $"{total} {(sign < 0 ? '-' : '+')} {product} = {next}\n");
                total = next;
            }
        }

        return total;
    }

    private static decimal Err(decimal exact, double chance, Random random)
    {
        if (random.NextDouble() >= chance)
        {
            return exact;
        }

        var magnitude = (decimal)Math.Pow(10, Math.Max(0, Digits(exact) - 2));
        return exact + ((random.Next(2) == 0 ? -1 : 1) * random.Next(1, 10) * magnitude);
    }

    private static int Digits(decimal value) => Math.Abs(value) < 1 ? 1 : (int)Math.Floor(Math.Log10((double)Math.Abs(value))) + 1;

    private static string ReAct(string question, IReadOnlyList<string> trace, int step, bool mustFinish, string instruction, Random random)
    {
        var last = trace.Count > 0 ? trace[^1] : string.Empty;
        var observation = last.StartsWith("Observation", StringComparison.Ordinal) ? last[(last.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() : string.Empty;
        var expression = Expression().Match(question);
        string action;
        if (FunctionSpec.TryRead(question, out var spec))
        {
            action = $"Finish[{Write(spec, 0.06, random)}]";
        }
        else if (expression.Success)
        {
            action = observation.Length > 0 && !observation.StartsWith("Invalid", StringComparison.Ordinal) ? $"Finish[{observation}]" : $"Calculate[{expression.Value.Trim()}]";
        }
        else if (ReActOther(question, trace, observation, instruction, random) is { } other)
        {
            action = other;
        }
        else
        {
            var region = RegionOf().Match(observation);
            var town = TownOf().Match(observation);
            var person = PersonOf().Match(question);
            action = region.Success ? $"Finish[{region.Groups[1].Value}]"
                : town.Success ? $"Search[{town.Groups[1].Value}]"
                : person.Success && step == 1 ? $"Search[{person.Groups[1].Value}]"
                : "Finish[unknown]";
        }

        if (mustFinish && !action.StartsWith("Finish", StringComparison.Ordinal))
        {
            action = "Finish[unknown]";
        }

        return $"Thought {step}: I use a tool rather than guess.\nAction {step}: {action}";
    }

    private static string Debate(PromptReader p, string question, Random random)
    {
        if (p.Field("Round") == "0")
        {
            return Solve(question, 0.06, true, random);
        }

        var answers = new List<string?> { FinalAnswer.TryExtract(Unfold(p.Field("Your answer")), out var own) ? own : null };
        answers.AddRange(p.List("Other answers").Select(a => FinalAnswer.TryExtract(Unfold(a), out var x) ? x : null));
        return $"I weigh the answers.\nAnswer: {MajorityVote.Of(answers) ?? "unknown"}";
    }

    private static string Moderate(IReadOnlyList<string> debate)
    {
        var sides = debate.Where(l => l.StartsWith("affirmative:", StringComparison.Ordinal) || l.StartsWith("negative:", StringComparison.Ordinal))
            .TakeLast(2)
            .Select(l => FinalAnswer.TryExtract(Unfold(l), out var a) ? a : null)
            .ToList();
        return sides.Count == 2 && sides[0] is not null && sides[0] == sides[1]
            ? $"{{\"preference\": true, \"side\": \"affirmative\", \"reason\": \"both sides agree\", \"answer\": \"{sides[0]}\"}}"
            : "{\"preference\": false, \"side\": \"\", \"reason\": \"the sides disagree\", \"answer\": \"\"}";
    }

    private static string Judge(PromptReader p, string question, Random random)
    {
        var candidates = p.List("Candidates");
        if (candidates.Count == 0)
        {
            var said = p.List("Debate").Select(l => FinalAnswer.TryExtract(Unfold(l), out var a) ? a : null).OfType<string>().Distinct().ToList();
            return said.Count == 0 ? "Candidates: unknown" : $"Candidates: {string.Join("; ", said)}";
        }

        FinalAnswer.TryExtract(Solve(question, 0.06, false, random), out var mine);
        return $"Answer: {(mine is not null && candidates.Contains(mine) ? mine : candidates[0])}";
    }

    private static string Expert(PromptReader p, Random random)
    {
        var task = p.Field("Task") ?? string.Empty;
        FinalAnswer.TryExtract(Unfold(p.Field("Draft")), out var draft);
        if (p.Field("Part") == "critic")
        {
            FinalAnswer.TryExtract(Solve(task, 0.06, false, random), out var mine);
            return draft is null || Agree(task, draft, mine) ? ExpertTurnDecision.Agree : $"The draft is wrong.\nAnswer: {mine}";
        }

        var said = p.List("Discussion").Select(l => FinalAnswer.TryExtract(Unfold(l), out var a) ? a : null).OfType<string>().ToList();
        return said.Count > 0 ? $"Following the critics.\nAnswer: {MajorityVote.Of(said)}" : Solve(task, 0.06, true, random);
    }

    private static string Evaluate(PromptReader p, Random random)
    {
        FinalAnswer.TryExtract(Solve(p.Field("Task") ?? string.Empty, 0.06, false, random), out var mine);
        return FinalAnswer.TryExtract(Unfold(p.Field("Solution")), out var theirs) && Agree(p.Field("Task") ?? string.Empty, theirs, mine)
            ? "Score: 9\nAdvice: looks right"
            : $"Score: 3\nAdvice: recheck the arithmetic";
    }

    // Undoes a one-line field's " / " line joins; a program after the last "Answer: " keeps its own " / " (division).
    private static string Unfold(string? line)
    {
        var text = line ?? string.Empty;
        var at = text.LastIndexOf("Answer: fn ", StringComparison.Ordinal);
        return at < 0 ? text.Replace(" / ", "\n", StringComparison.Ordinal) : text[..at].Replace(" / ", "\n", StringComparison.Ordinal) + text[at..];
    }

    private int Hash(string prompt)
    {
        unchecked
        {
            var hash = (uint)2166136261 ^ (uint)_seed;
            foreach (var c in prompt)
            {
                hash = (hash ^ c) * 16777619;
            }

            return (int)hash;
        }
    }

    [GeneratedRegex(@"\d+(\s*[-+*]\s*\d+)+")]
    private static partial Regex Expression();

    [GeneratedRegex(@"(?<sign>^|[-+])(?<term>\d+(\*\d+)*)")]
    private static partial Regex TermSplit();

    [GeneratedRegex(@"where (.+) lives\?")]
    private static partial Regex PersonOf();

    [GeneratedRegex(@"lives in (\w+)\.")]
    private static partial Regex TownOf();

    [GeneratedRegex(@"region of (\w+)\.")]
    private static partial Regex RegionOf();
}
