using Agents.Tools;

namespace Agents.Tests.Tools;

public sealed class CalculatorTests
{
    [Theory]
    [InlineData("0.1+0.2", "0.3")]
    [InlineData("3+4*5-6", "17")]
    [InlineData("2*(3+4)", "14")]
    [InlineData("-3*-2", "6")]
    [InlineData("123456789*987654321", "121932631112635269")]
    [InlineData("7/2", "3.5")]
    [InlineData("12 x 3", "36")]
    public void Calculator_is_exact_and_respects_precedence(string expression, string expected) =>
        Assert.Equal(expected, new CalculatorPlugin().Calculate(expression));

    [Theory]
    [InlineData("1/0", "division by zero")]
    [InlineData("2+", "ends where a number was expected")]
    [InlineData("2+(3", "missing ')'")]
    [InlineData("two", "expected a number")]
    public void Calculator_reports_what_is_wrong(string expression, string message) =>
        Assert.Contains(message, new CalculatorPlugin().Calculate(expression), StringComparison.Ordinal);
}
