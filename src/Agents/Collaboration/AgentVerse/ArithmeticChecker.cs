using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Agents.Tools;

namespace Agents.Collaboration.AgentVerse;

/// <summary>
/// Executes an arithmetic solution by checking its work: every step written as "expression = value" is recomputed
/// exactly (decimals); a wrong step fails the solution. It checks the steps shown, not the task, so it cannot answer
/// for a solver that shows none. Stateless and thread-safe.
/// </summary>
public sealed partial class ArithmeticChecker : ISolutionExecutor
{
    private const string ExpressionChars = "0123456789.,()+-*/×x÷ ";

    /// <inheritdoc />
    public string Name => "arithmetic";

    /// <inheritdoc />
    public ExecutionResult Execute(string task, string solution)
    {
        ArgumentNullException.ThrowIfNull(solution);
        var report = new StringBuilder();
        int steps = 0, wrong = 0;
        foreach (var line in solution.Split('\n'))
        {
            for (var at = line.IndexOf('=', StringComparison.Ordinal); at >= 0; at = line.IndexOf('=', at + 1))
            {
                if (!TryStep(line, at, out var expression, out var claimed))
                {
                    continue;
                }

                decimal actual;
                try
                {
                    actual = DecimalExpression.Evaluate(expression);
                }
                catch (Exception e) when (e is FormatException or DivideByZeroException or OverflowException)
                {
                    continue;
                }

                steps++;
                if (actual != claimed)
                {
                    wrong++;
                    report.Append(CultureInfo.InvariantCulture, $"\nWRONG {expression} = {DecimalExpression.Format(claimed)}: it is {DecimalExpression.Format(actual)}");
                }
            }
        }

        return steps == 0
            ? new ExecutionResult(null, "No arithmetic step (\"expression = value\") to check.")
            : new ExecutionResult(wrong == 0, $"Checked {steps} arithmetic steps: {steps - wrong} right, {wrong} wrong.{report}");
    }

    // The expression is the longest run of arithmetic characters before "=", the value the number after it; the
    // expression must hold an operator between digits, so "x = 5" or "Answer = 5" are not steps.
    private static bool TryStep(string line, int equals, out string expression, out decimal claimed)
    {
        expression = string.Empty;
        claimed = 0;
        if ((equals > 0 && line[equals - 1] is '=' or '<' or '>' or '!') || (equals + 1 < line.Length && line[equals + 1] == '='))
        {
            return false;
        }

        var start = equals;
        while (start > 0 && ExpressionChars.Contains(line[start - 1], StringComparison.Ordinal))
        {
            start--;
        }

        // Commas in steps are thousands separators ("1,200 x 3"), never argument separators.
        expression = line[start..equals].Replace(",", string.Empty, StringComparison.Ordinal).Trim().TrimStart('x', '×', '+', '*', '/', '÷', '.', ' ').Trim();
        var value = Number().Match(line, equals + 1);
        return value.Success
            && Operator().IsMatch(expression)
            && decimal.TryParse(value.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out claimed);
    }

    [GeneratedRegex(@"\G\s*(-?\d[\d,]*(?:\.\d+)?)")]
    private static partial Regex Number();

    [GeneratedRegex(@"[\d)]\s*[-+*/×x÷]\s*[\d(]")]
    private static partial Regex Operator();
}
