using Agents.Arena;
using CsCheck;

namespace Agents.Tests.Arena;

public sealed class TwentyFourTests
{
    [Theory]
    [InlineData("(8-4)*(7-1)", new[] { 1, 4, 7, 8 })]
    [InlineData("8/(3-8/3)", new[] { 3, 3, 8, 8 })]
    [InlineData(" 6 * 4 * (13 - 12) = 24", new[] { 4, 6, 12, 13 })]
    [InlineData("1*2*3*4", new[] { 4, 3, 2, 1 })]
    public void The_checker_accepts_exact_solutions_in_any_number_order(string expression, int[] numbers)
    {
        Assert.True(TwentyFourGame.Check(numbers, expression, out var reason), reason);
    }

    [Theory]
    [InlineData("(8-4)*(7-1)", new[] { 1, 4, 7, 7 }, "uses")]
    [InlineData("8*3", new[] { 3, 3, 8, 8 }, "uses")]
    [InlineData("8*3*(8/8)", new[] { 3, 3, 8, 8 }, "uses")]
    [InlineData("1+2+3+4", new[] { 1, 2, 3, 4 }, "equals 10")]
    [InlineData("8/(3-3)*8", new[] { 3, 3, 8, 8 }, "divides by zero")]
    [InlineData("-1+5*5", new[] { 1, 5, 5, 1 }, "expected a number")]
    [InlineData("(1+2)*(3+4", new[] { 1, 2, 3, 4 }, "missing ')'")]
    [InlineData("", new[] { 1, 2, 3, 4 }, "empty")]
    [InlineData("24", new[] { 1, 2, 3, 4 }, "uses 24")]
    public void The_checker_rejects_wrong_numbers_wrong_values_and_bad_syntax_and_says_why(string expression, int[] numbers, string why)
    {
        Assert.False(TwentyFourGame.Check(numbers, expression, out var reason));
        Assert.Contains(why, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Rational_arithmetic_accepts_what_decimal_rounding_gets_wrong()
    {
        // 3 - 8/3 is 1/3, which no decimal holds exactly.
        Assert.NotEqual(24m, Agents.Tools.DecimalExpression.Evaluate("8/(3-8/3)"));
        Assert.True(TwentyFourGame.Check([3, 3, 8, 8], "8/(3-8/3)"));
        Assert.True(TwentyFourGame.Check([1, 5, 5, 5], "5*(5-1/5)"));
    }

    [Fact]
    public void The_solver_finds_a_checked_solution_whenever_it_returns_one_and_none_for_known_dead_sets()
    {
        Gen.Int[1, 13].Array[4].Sample(
            numbers =>
            {
                var solution = TwentyFourGame.Solve(numbers);
                return solution is null || TwentyFourGame.Check(numbers, solution);
            },
            iter: 150);

        Assert.Null(TwentyFourGame.Solve([1, 1, 1, 1]));
        Assert.Null(TwentyFourGame.Solve([13, 13, 13, 13]));
        Assert.NotNull(TwentyFourGame.Solve([3, 3, 8, 8]));
    }

    [Fact]
    public void Generated_sets_are_solvable_reproducible_and_graded_by_any_correct_expression()
    {
        var first = new TwentyFourTasks().Generate(25, new Random(4));
        var second = new TwentyFourTasks().Generate(25, new Random(4));

        Assert.Equal(first, second);
        foreach (var task in first)
        {
            var numbers = TwentyFourGame.NumbersIn(task.Question);
            Assert.Equal(4, numbers.Count);
            Assert.All(numbers, n => Assert.InRange(n, 1, 13));
            Assert.True(task.IsCorrect(task.Answer));
            Assert.False(task.IsCorrect("24"));
            var other = TwentyFourGame.Solutions(numbers).FirstOrDefault(s => s != task.Answer);
            if (other is not null)
            {
                Assert.True(task.IsCorrect(other));
            }
        }
    }
}
