using System.Globalization;
using System.Text;
using Agents.Decisions;

namespace Agents.Arena;

/// <content>The stand-in's word problems, 24 game, slogans, side-by-side verdicts and instruction proposals.</content>
public sealed partial class SimulatedSolverMind
{
    private static string InstructionOf(string prompt)
    {
        var lines = prompt.Split('\n', 3);
        return lines.Length > 1 ? lines[1] : string.Empty;
    }

    private static string SolveInStyle(string? style, string instruction, string question, Random random)
    {
        var cues = InstructionCues.Read(instruction);
        var rate = cues.Apply(style switch { "direct" => 0.25, "few-shot" => 0.2, _ => 0.06 });
        var distraction = cues.Relevance ? 0 : style switch { "direct" => 0.5, "few-shot" => 0.4, _ => 0.15 };
        return Solve(question, rate, style == "chain-of-thought", random, distraction);
    }

    private static string SolveOther(string question, double errorRate, bool showSteps, Random random, double distraction)
    {
        if (WordProblem.TryRead(question, out var problem))
        {
            return Word(problem, errorRate, showSteps, random, distraction);
        }

        var numbers = TwentyFourGame.NumbersIn(question);
        if (numbers.Count == 4)
        {
            var expression = TryTwentyFour(numbers, errorRate, random);
            return showSteps ? $"I try {expression}.\nAnswer: {expression}" : $"Answer: {expression}";
        }

        return OpenEndedTasks.TryReadBrief(question, out var brief)
            ? $"{(showSteps ? "I name the product and what it does.\n" : string.Empty)}Answer: {Slogan(brief, errorRate, random)}"
            : "Answer: unknown";
    }

    // Each operation errs like mental arithmetic; with chance `distraction` a distractor number is added at the end.
    private static string Word(WordProblem problem, double errorRate, bool showSteps, Random random, double distraction)
    {
        var steps = new StringBuilder();
        decimal total = problem.Start;
        foreach (var step in problem.Steps)
        {
            decimal operand = step.Factors[0];
            foreach (var factor in step.Factors.Skip(1))
            {
                var left = operand;
                operand = Err(operand * factor, errorRate, random);
                steps.Append(CultureInfo.InvariantCulture, $"{left}*{factor} = {operand}\n");
            }

            var exact = step.Operator switch { '+' => total + operand, '-' => total - operand, _ => total * operand };
            var next = Err(exact, errorRate, random);
            steps.Append(CultureInfo.InvariantCulture, $"{total} {step.Operator} {operand} = {next}\n");
            total = next;
        }

        if (problem.Distractors.Count > 0 && random.NextDouble() < distraction)
        {
            var extra = problem.Distractors[random.Next(problem.Distractors.Count)];
            steps.Append(CultureInfo.InvariantCulture, $"{total} + {extra} = {total + extra}\n");
            total += extra;
        }

        return showSteps ? $"{steps}Answer: {total}" : $"Answer: {total}";
    }

    // A solution found "by heart" with chance 1 - 3 * error rate, else a guess with all four numbers and no parentheses.
    private static string TryTwentyFour(IReadOnlyList<int> numbers, double errorRate, Random random)
    {
        if (random.NextDouble() >= Math.Min(0.95, errorRate * 3) && TwentyFourGame.Solve(numbers) is { } solution)
        {
            return solution;
        }

        var shuffled = numbers.OrderBy(_ => random.Next()).ToList();
        var text = new StringBuilder().Append(shuffled[0]);
        foreach (var n in shuffled.Skip(1))
        {
            text.Append("+-*"[random.Next(3)]).Append(n);
        }

        return text.ToString();
    }

    // Each of three flaws (one line only, no name, no feature) with chance 2 * error rate.
    private static string Slogan(SloganBrief brief, double errorRate, Random random)
    {
        var flaw = Math.Min(0.9, 2 * errorRate);
        var named = random.NextDouble() >= flaw;
        var featured = random.NextDouble() >= flaw;
        var twoLines = random.NextDouble() >= flaw;
        var subject = named ? brief.Name : $"This {brief.Thing}";
        var first = featured ? $"{subject} {brief.Feature}" : $"{subject}, the {brief.Thing} for everyone";
        var second = featured ? $"{(named ? brief.Name + ": " : string.Empty)}{string.Join(" and ", brief.Keywords)}, every time" : "made with care, every time";
        return twoLines ? $"{first} / {second}" : first;
    }

    private static string? ReActOther(string question, IReadOnlyList<string> trace, string observation, string instruction, Random random)
    {
        if (OpenEndedTasks.TryReadBrief(question, out var brief))
        {
            return $"Finish[{Slogan(brief, 0.06, random)}]";
        }

        var numbers = TwentyFourGame.NumbersIn(question);
        if (numbers.Count == 4)
        {
            return TaskSolvers.IsTwentyFour(observation) && TaskSolvers.LastCalculation(trace) is { } tried ? $"Finish[{tried}]" : $"Calculate[{TryTwentyFour(numbers, 0.06, random)}]";
        }

        if (!WordProblem.TryRead(question, out var problem))
        {
            return null;
        }

        if (observation.Length > 0 && !observation.StartsWith("Invalid", StringComparison.Ordinal) && !observation.StartsWith("Error", StringComparison.Ordinal))
        {
            return $"Finish[{observation}]";
        }

        // Writing the expression from the text, it may still take in a distractor unless told to ignore them.
        var distracted = !InstructionCues.Read(instruction).Relevance && problem.Distractors.Count > 0 && random.NextDouble() < 0.15;
        return distracted
            ? $"Calculate[{problem.Expression}+{problem.Distractors[random.Next(problem.Distractors.Count)]}]"
            : $"Calculate[{problem.Expression}]";
    }

    // The rubric decides; a tie goes to the answer shown first (position bias).
    private static string JudgeSideBySide(PromptReader p)
    {
        if (!OpenEndedTasks.TryReadBrief(p.Field("Task") ?? string.Empty, out var brief))
        {
            return "I cannot tell them apart.\nWinner: A";
        }

        var a = SloganRubric.Score(brief, p.Field("Answer A"));
        var b = SloganRubric.Score(brief, p.Field("Answer B"));
        return $"A scores {a}, B scores {b}.\nWinner: {(b > a ? "B" : "A")}";
    }

    // OPRO as a hill climber: the best instruction so far (listed last) plus one tip it lacks, drawn by the prompt's seed.
    private static string Propose(PromptReader p, Random random)
    {
        var count = int.TryParse(p.Field("Instructions"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var best = count > 0 ? p.Field(InstructionProposalDecision.InstructionLabel(count)) ?? string.Empty : string.Empty;
        var unused = InstructionCues.Tips.Where(t => !best.Contains(t, StringComparison.Ordinal)).ToList();
        if (unused.Count == 0)
        {
            return $"Instruction: {best}";
        }

        var text = $"{best} {unused[random.Next(unused.Count)]}".Trim();
        return $"Instruction: {(text.Length > InstructionProposalDecision.MaxInstructionLength ? unused[0] : text)}";
    }

    private static bool Agree(string task, string? theirs, string? mine)
    {
        var numbers = TwentyFourGame.NumbersIn(task);
        return numbers.Count == 4 ? TwentyFourGame.Check(numbers, theirs) : theirs == mine;
    }
}
