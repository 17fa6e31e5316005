using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Agents.Arena;

/// <summary>
/// A multi-step word problem read back from its text: who, what, the starting count, the operative steps, and the
/// distractor numbers (in the text, but not to be used). <see cref="TryRead"/> is the programmatic solver: it
/// understands exactly the sentence forms <see cref="WordProblemTasks"/> writes.
/// </summary>
/// <param name="Subject">The person the question is about.</param>
/// <param name="Items">What is counted (plural), e.g. "apples".</param>
/// <param name="Start">The starting count.</param>
/// <param name="Steps">The operative steps in order.</param>
/// <param name="Distractors">The numbers in the text that the solution does not use.</param>
public sealed partial record WordProblem(string Subject, string Items, long Start, IReadOnlyList<WordStep> Steps, IReadOnlyList<long> Distractors)
{
    /// <summary>The answer: the start with every step applied in order.</summary>
    public long Answer => Steps.Aggregate(Start, (total, step) => Apply(total, step.Operator, step.Operand));

    /// <summary>One expression for the calculator, parenthesised where a product follows sums.</summary>
    public string Expression
    {
        get
        {
            var text = Start.ToString(CultureInfo.InvariantCulture);
            var sums = false;
            foreach (var step in Steps)
            {
                if (step.Operator == '*')
                {
                    text = (sums ? $"({text})" : text) + "*" + step.OperandText;
                    sums = false;
                }
                else
                {
                    text += step.Operator + step.OperandText;
                    sums = true;
                }
            }

            return text;
        }
    }

    /// <summary>The worked solution: one line per step with the running total.</summary>
    public WorkedSolution Solve()
    {
        var steps = new List<string> { $"{Subject} starts with {Start} {Items}." };
        var total = Start;
        foreach (var step in Steps)
        {
            var line = new StringBuilder();
            if (step.Factors.Count > 1)
            {
                line.Append(CultureInfo.InvariantCulture, $"{step.OperandText} = {step.Operand}; ");
            }

            var next = Apply(total, step.Operator, step.Operand);
            line.Append(CultureInfo.InvariantCulture, $"{total} {step.Operator} {step.Operand} = {next}");
            steps.Add(line.ToString());
            total = next;
        }

        if (Distractors.Count > 0)
        {
            steps.Insert(1, $"The numbers {string.Join(", ", Distractors)} do not matter here.");
        }

        return new WorkedSolution(steps, total.ToString(CultureInfo.InvariantCulture), Expression);
    }

    /// <summary>The running total after an operation.</summary>
    public static long Apply(long total, char op, long operand) => op switch
    {
        '+' => total + operand,
        '-' => total - operand,
        '*' => total * operand,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "expected + - or *"),
    };

    /// <summary>Reads a word problem written by <see cref="WordProblemTasks"/>; false for any other text.</summary>
    public static bool TryRead(string question, out WordProblem problem)
    {
        ArgumentNullException.ThrowIfNull(question);
        problem = null!;
        var sentences = SentenceSplit().Split(question.Trim()).Where(s => s.Length > 0).ToList();
        if (sentences.Count < 3)
        {
            return false;
        }

        var start = StartForm().Match(sentences[0]);
        if (!start.Success)
        {
            return false;
        }

        var subject = start.Groups["name"].Value;
        var items = start.Groups["items"].Value;
        var item = Singular(items);
        var steps = new List<WordStep>();
        var numbers = new List<long>();
        var used = new List<long> { long.Parse(start.Groups["n"].Value, CultureInfo.InvariantCulture) };
        var ask = sentences[^1];
        foreach (var sentence in sentences.Skip(1))
        {
            foreach (Match number in Number().Matches(sentence))
            {
                numbers.Add(long.Parse(number.Value, CultureInfo.InvariantCulture));
            }

            var step = ReadStep(sentence, items, item);
            if (step is not null)
            {
                steps.Add(step);
                used.AddRange(step.Factors);
            }
        }

        var asks = AskForm().Match(ask);
        if (steps.Count == 0 || !asks.Success || (asks.Groups["items"].Value != items && asks.Groups["items"].Value != "dollars"))
        {
            return false;
        }

        var distractors = new List<long>(numbers);
        foreach (var n in used.Skip(1))
        {
            distractors.Remove(n);
        }

        problem = new WordProblem(subject, items, used[0], steps, distractors);
        return true;
    }

    private static WordStep? ReadStep(string sentence, string items, string item)
    {
        static long N(Match m, string group) => long.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
        var buy = BuyForm().Match(sentence);
        if (buy.Success && buy.Groups["items"].Value == items)
        {
            return new WordStep(sentence, '+', [N(buy, "n"), N(buy, "m")]);
        }

        var gain = GainForm().Match(sentence);
        if (gain.Success && gain.Groups["items"].Value == items)
        {
            return new WordStep(sentence, '+', [N(gain, "n")]);
        }

        var loss = LossForm().Match(sentence);
        if (loss.Success && loss.Groups["items"].Value == items)
        {
            return new WordStep(sentence, '-', [N(loss, "n")]);
        }

        var sell = SellForm().Match(sentence);
        if (sell.Success && sell.Groups["item"].Value == item)
        {
            return new WordStep(sentence, '*', [N(sell, "n")]);
        }

        return null;
    }

    /// <summary>The singular of one of the generator's plural nouns.</summary>
    internal static string Singular(string plural) => plural switch
    {
        "boxes" => "box",
        "cookies" => "cookie",
        _ when plural.EndsWith('s') => plural[..^1],
        _ => plural,
    };

    [GeneratedRegex(@"(?<=[.?])\s+")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?<name>[A-Z][a-z]+) has (?<n>\d+) (?<items>[a-z]+)\.$")]
    private static partial Regex StartForm();

    [GeneratedRegex(@"^(She|He) buys (?<n>\d+) [a-z]+ of (?<m>\d+) (?<items>[a-z]+) each\.$")]
    private static partial Regex BuyForm();

    [GeneratedRegex(@"^(?:(She|He) finds (?<n>\d+) (?<items>[a-z]+) [a-z ]+|[A-Z][a-z]+ gives (him|her) (?<n>\d+) more (?<items>[a-z]+))\.$")]
    private static partial Regex GainForm();

    [GeneratedRegex(@"^(She|He) (?:loses|gives away|uses) (?<n>\d+) (?<items>[a-z]+)(?: [a-z ]+)?\.$")]
    private static partial Regex LossForm();

    [GeneratedRegex(@"^(She|He) sells every (?<item>[a-z]+) for (?<n>\d+) dollars\.$")]
    private static partial Regex SellForm();

    [GeneratedRegex(@"^How many (?<items>[a-z]+) does [A-Za-z]+ (have now|get)\?$")]
    private static partial Regex AskForm();
}
