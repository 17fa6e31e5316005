using System.Globalization;
using System.Text.RegularExpressions;
using Agents.Collaboration;
using Agents.Tools;

namespace Agents.Arena;

/// <summary>
/// The programmatic solvers of the arena's task kinds, reading only the question text: arithmetic expressions and
/// products (products first, then sums left to right), word problems with distractors (<see cref="WordProblem"/>),
/// the 24 game (<see cref="TwentyFourGame"/>), slogans (<see cref="SloganRubric"/>) and function specs (the reference
/// program, <see cref="FunctionSpec"/>); and an exact ReAct policy that
/// also answers multi-hop questions with Search. They teach: tests compare against them, the curriculum writes their
/// traces, and the stand-in mind errs around them. Stateless and thread-safe.
/// </summary>
public static partial class TaskSolvers
{
    /// <summary>The worked solution of <paramref name="question"/>, or null when it needs tools (multi-hop) or is of no known kind.</summary>
    public static WorkedSolution? Solve(string question)
    {
        ArgumentNullException.ThrowIfNull(question);

        // First: a spec's text holds arithmetic ("1 * 2 * ... * n") that the expression pattern would take for the task.
        if (FunctionSpec.TryRead(question, out var spec))
        {
            return new WorkedSolution([$"I write {spec.Signature} recursively."], spec.ReferenceProgram, null);
        }

        if (WordProblem.TryRead(question, out var problem))
        {
            return problem.Solve();
        }

        var numbers = TwentyFourGame.NumbersIn(question);
        if (numbers.Count == 4)
        {
            return TwentyFourGame.Solve(numbers) is { } solution
                ? new WorkedSolution([$"I try {solution}.", $"{solution} = {TwentyFourGame.Target}, and it uses {string.Join(", ", numbers)} once each."], solution, null)
                : null;
        }

        if (OpenEndedTasks.TryReadBrief(question, out var brief))
        {
            var slogan = SloganRubric.Write(brief);
            return new WorkedSolution([$"Line one names {brief.Name} and what it does; line two repeats the name with {string.Join(" and ", brief.Keywords)}."], FinalAnswer.Normalize(slogan), null);
        }

        var expression = ExpressionIn(question);
        if (expression is null)
        {
            return null;
        }

        var steps = new List<string>();
        var value = Evaluate(expression, steps);
        return new WorkedSolution(steps, DecimalExpression.Format(value), expression);
    }

    /// <summary>The arithmetic expression in a question ("What is the result of 3+4*5?"), without spaces; null when there is none.</summary>
    public static string? ExpressionIn(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var match = Expression().Match(question);
        return match.Success ? match.Value.Replace(" ", string.Empty, StringComparison.Ordinal) : null;
    }

    /// <summary>
    /// The exact next ReAct step: compute with the calculator and finish with its result; search the person, then
    /// their town, then finish with the region (multi-hop); check a 24 expression with the calculator first; finish
    /// a slogan at once.
    /// </summary>
    public static (string Thought, string Action) NextReActStep(string question, IReadOnlyList<string> trace, bool mustFinish)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(trace);
        var observation = LastObservation(trace);
        var (thought, action) = Plan(question, trace, observation);
        return mustFinish && !action.StartsWith("Finish[", StringComparison.Ordinal)
            ? ("I must finish now.", $"Finish[{(observation.Length > 0 ? observation : "unknown")}]")
            : (thought, action);
    }

    /// <summary>The text of the last "Observation n: ..." line of a trace, or empty.</summary>
    public static string LastObservation(IReadOnlyList<string> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var last = trace.Count > 0 ? trace[^1] : string.Empty;
        return last.StartsWith("Observation", StringComparison.Ordinal) ? last[(last.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() : string.Empty;
    }

    /// <summary>True when a calculator observation is 24 (up to decimal rounding, as in 8/(3-8/3)).</summary>
    public static bool IsTwentyFour(string observation) =>
        decimal.TryParse(observation, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Abs(value - TwentyFourGame.Target) < 0.000000001m;

    /// <summary>The argument of the last "Action n: Calculate[...]" line of a trace, or null.</summary>
    public static string? LastCalculation(IReadOnlyList<string> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        for (var i = trace.Count - 1; i >= 0; i--)
        {
            var at = trace[i].IndexOf(": Calculate[", StringComparison.Ordinal);
            if (trace[i].StartsWith("Action", StringComparison.Ordinal) && at > 0 && trace[i].EndsWith(']'))
            {
                return trace[i][(at + ": Calculate[".Length)..^1];
            }
        }

        return null;
    }

    private static (string Thought, string Action) Plan(string question, IReadOnlyList<string> trace, string observation)
    {
        var done = observation.Length > 0 && !observation.StartsWith("Invalid", StringComparison.Ordinal) && !observation.StartsWith("Error", StringComparison.Ordinal);
        if (FunctionSpec.TryRead(question, out var spec))
        {
            return ("A program needs no calculator; I write it.", $"Finish[{spec.ReferenceProgram}]");
        }

        if (OpenEndedTasks.TryReadBrief(question, out var brief))
        {
            return ("A slogan needs no tool.", $"Finish[{SloganRubric.Write(brief)}]");
        }

        var numbers = TwentyFourGame.NumbersIn(question);
        if (numbers.Count == 4)
        {
            var solution = TwentyFourGame.Solve(numbers) ?? string.Empty;
            return done && LastCalculation(trace) is { } tried && IsTwentyFour(observation)
                ? ("The calculator confirms 24.", $"Finish[{tried}]")
                : ("I check my expression with the calculator.", $"Calculate[{solution}]");
        }

        var expression = WordProblem.TryRead(question, out var problem) ? problem.Expression : ExpressionIn(question);
        if (expression is not null)
        {
            return done
                ? ("The calculator gave the result.", $"Finish[{observation}]")
                : (problem is null ? "I compute the expression with the calculator." : "I write the operative numbers as one expression and leave out the others.", $"Calculate[{expression}]");
        }

        var region = RegionOf().Match(observation);
        var town = TownOf().Match(observation);
        var person = PersonOf().Match(question);
        return region.Success ? ("The town lies in this region.", $"Finish[{region.Groups[1].Value}]")
            : town.Success ? ("Now I look up the town.", $"Search[{town.Groups[1].Value}]")
            : person.Success && trace.Count == 0 ? ("I look up the person first.", $"Search[{person.Groups[1].Value}]")
            : ("I cannot find it.", "Finish[unknown]");
    }

    // Products first, then sums left to right; one step line per operation.
    private static decimal Evaluate(string expression, List<string> steps)
    {
        decimal total = 0;
        var first = true;
        foreach (Match term in TermSplit().Matches(expression))
        {
            var factors = term.Groups["term"].Value.Split('*').Select(f => decimal.Parse(f, CultureInfo.InvariantCulture)).ToList();
            var product = factors[0];
            foreach (var factor in factors.Skip(1))
            {
                var left = product;
                product *= factor;
                steps.AddRange(MultiplicationSteps(left, factor));
            }

            var sign = term.Groups["sign"].Value == "-" ? -1 : 1;
            if (first)
            {
                total = sign * product;
                first = false;
            }
            else
            {
                var next = total + (sign * product);
                steps.Add(string.Create(CultureInfo.InvariantCulture, $"{total} {(sign < 0 ? '-' : '+')} {product} = {next}"));
                total = next;
            }
        }

        return total;
    }

    /// <summary>
    /// The steps of one product. Factors of one or two digits are worked by partial products of single digits, the
    /// way a small model can follow (each partial a times-table fact with zeros, then a running sum):
    /// "29*23 = 20*20 + 20*3 + 9*20 + 9*3 = 400 + 60 + 180 + 27", "400 + 60 = 460", ..., "29*23 = 667".
    /// A product of single digits, by 0 or 1, or with a factor of three digits or more is one line "a*b = c".
    /// </summary>
    public static IReadOnlyList<string> MultiplicationSteps(decimal left, decimal right)
    {
        var product = left * right;
        var line = string.Create(CultureInfo.InvariantCulture, $"{left}*{right} = {product}");
        if (!IsSmallWhole(left) || !IsSmallWhole(right) || left < 2 || right < 2 || (left < 10 && right < 10))
        {
            return [line];
        }

        var partials = (from a in Places(left) from b in Places(right) select (a, b)).ToList();
        if (partials.Count < 2)
        {
            return [line];
        }

        var c = CultureInfo.InvariantCulture;
        var steps = new List<string>
        {
            string.Create(c, $"{left}*{right} = {string.Join(" + ", partials.Select(p => string.Create(c, $"{p.a}*{p.b}")))} = {string.Join(" + ", partials.Select(p => (p.a * p.b).ToString(c)))}"),
        };
        var total = partials[0].a * partials[0].b;
        foreach (var (a, b) in partials.Skip(1))
        {
            steps.Add(string.Create(c, $"{total} + {a * b} = {total + (a * b)}"));
            total += a * b;
        }

        steps.Add(line);
        return steps;

        static bool IsSmallWhole(decimal value) => value == decimal.Truncate(value) && value is >= 0 and < 100;

        // 29 -> 20, 9; 20 -> 20; 7 -> 7
        static IEnumerable<decimal> Places(decimal value) => new[] { decimal.Truncate(value / 10) * 10, value % 10 }.Where(v => v != 0);
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
