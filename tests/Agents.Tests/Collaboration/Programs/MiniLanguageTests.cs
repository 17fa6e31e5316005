using Agents.Collaboration.Programs;

namespace Agents.Tests.Collaboration.Programs;

public sealed class MiniLanguageTests
{
    private static MiniValue Run(string source, string expression, MiniLimits? limits = null) => MiniParser.Parse(source).Evaluate(expression, limits);

    [Theory]
    [InlineData("fn digit_sum(n) = if n < 10 { n } else { n % 10 + digit_sum(n // 10) }", "digit_sum(98765)", "35")]
    [InlineData("fn fact(n) = if n <= 1 then 1 else n * fact(n - 1)", "fact(20)", "2432902008176640000")]
    [InlineData("fn fib(n) = go(n, 0, 1)\nfn go(n, a, b) = if n == 0 { a } else { go(n - 1, b, a + b) }", "fib(90)", "2880067194370816120")]
    [InlineData("fn avg(xs) = total(xs) / len(xs)\nfn total(xs) = if len(xs) == 0 { 0 } else { xs[0] + total(xs[1:]) }", "avg([1, 2, 3, 4])", "2.5")]
    [InlineData("fn rev(s) = if len(s) == 0 { \"\" } else { rev(s[1:]) + s[0] }", "rev(\"stressed\")", "\"desserts\"")]
    [InlineData("fn f(x) {\n  let y = x * 2\n  let x = y + 1   # shadows the parameter\n  [x, y, x > y and not false]\n}", "f(5)", "[11, 10, true]")]
    [InlineData("let base = 7\nfn f(n) = n * base + offset\nlet offset = base + 1", "f(2)", "22")]
    [InlineData("fn f(xs) = push(xs[-2:], len(range(3, 8)))", "f([1, 2, 3])", "[2, 3, 5]")]
    [InlineData("fn f(a) = [min(a, 3), max([4, 9, 2]), abs(-2.5), int(7.9), int(\"-12\"), str(4 / 2) + str(true)]", "f(5)", "[3, 9, 2.5, 7, -12, \"2.0true\"]")]
    [InlineData("fn f(n) = [n // 4, n % 4, -n // 4, -n % 4, n / 4, 7.5 // 2, 7.5 % 2]", "f(7)", "[1, 3, -2, 1, 1.75, 3.0, 1.5]")]
    [InlineData("fn even(n) = if n == 0 { true } else { odd(n - 1) }\nfn odd(n) = if n == 0 { false } else { even(n - 1) }", "[even(10), odd(7), 2 == 2.0, \"a\" < \"b\", [1, [2]] == [1, [2]]]", "[true, true, true, true, true]")]
    public void Programs_compute_what_they_say(string source, string call, string expected)
    {
        Assert.Equal(expected, Run(source, call).ToString());
    }

    [Theory]
    [InlineData("fn f(n) = if n > 1 { n }", "main.mini:1:25: expected 'else': every 'if' has a value in both cases; found the end of the file.")]
    [InlineData("fn f(n) {\n  let x = 1\n}", "main.mini:3:1: a block ends with an expression, its value; found '}'.")]
    [InlineData("fn f(n) = g(n)", "main.mini:1:11: unknown function 'g'.")]
    [InlineData("fn digit_sum(n) = n\nfn f(n) = digitsum(n)", "main.mini:2:11: unknown function 'digitsum'; did you mean 'digit_sum'?")]
    [InlineData("fn f(a, b) = a\nfn g(n) = f(n)", "main.mini:2:11: 'f' takes 2 arguments; found 1.")]
    [InlineData("fn f(n) = n @ 2", "main.mini:1:13: unexpected character '@'.")]
    [InlineData("fn f(n) = \"abc", "main.mini:1:11: a string is not closed with '\"' on its line.")]
    [InlineData("fn f(n) = x + 1", "main.mini:1:11: unknown name 'x'.")]
    [InlineData("print(3)", "main.mini:1:1: expected 'fn' or 'let' at the top level; found the name 'print'.")]
    [InlineData("fn f(n) = 1 < n < 3", "main.mini:1:17: comparisons do not chain; join them with 'and'.")]
    [InlineData("fn f(n) = n\nfn f(m) = m", "main.mini:2:4: function 'f' is already defined at main.mini:1:1.")]
    [InlineData("fn len(xs) = 0", "main.mini:1:4: 'len' is a built-in function; choose another name.")]
    [InlineData("fn f(n) = { let if = 2; n }", "main.mini:1:17: expected a name after 'let'; 'if' is a keyword.")]
    [InlineData("fn f(n) = g\nfn g() = 1", "main.mini:1:11: 'g' is a function; call it as g(...).")]
    public void Parse_errors_name_the_line_and_column(string source, string message)
    {
        var error = Assert.Throws<MiniSyntaxException>(() => MiniParser.Parse(source));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Input_nested_too_deep_is_refused_without_overflowing_the_stack()
    {
        var source = "fn f(n) = " + new string('(', 5000) + "n" + new string(')', 5000);

        var error = Assert.Throws<MiniSyntaxException>(() => MiniParser.Parse(source));

        Assert.Contains($"nested more than {MiniParser.MaxNesting} deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endless_recursion_stops_at_the_depth_limit()
    {
        var error = Assert.Throws<MiniRuntimeException>(() => Run("fn loop(n) = loop(n + 1)", "loop(0)"));

        Assert.Equal(MiniErrorKind.Depth, error.Kind);
        Assert.Equal("main.mini:1:14: calls are nested more than 400 deep in 'loop' (an endless recursion?).", error.Message);
    }

    [Fact]
    public void An_exponential_recursion_stops_when_the_step_budget_runs_out()
    {
        const string source = "fn spin(n) = if n == 0 { 0 } else { spin(n - 1) + spin(n - 1) }";

        var error = Assert.Throws<MiniRuntimeException>(() => Run(source, "spin(60)", new MiniLimits(StepBudget: 50_000)));

        Assert.Equal(MiniErrorKind.StepBudget, error.Kind);
        Assert.Contains("step budget of 50000 ran out", error.Message, StringComparison.Ordinal);
        Assert.Equal("0", Run(source, "spin(8)", new MiniLimits(StepBudget: 50_000)).ToString());
    }

    [Fact]
    public void Growing_a_string_past_the_size_limit_stops_the_run()
    {
        var error = Assert.Throws<MiniRuntimeException>(() => Run("fn grow(s, n) = if n == 0 { s } else { grow(s + s, n - 1) }", "grow(\"ab\", 40)"));

        Assert.Equal(MiniErrorKind.Size, error.Kind);
    }

    [Theory]
    [InlineData("fn f(xs, n) = if n == 0 { true } else { xs == push(xs, 0)[:-1] and f(xs, n - 1) }", "f(range(5000), 300)", MiniErrorKind.StepBudget)]
    [InlineData("fn nest(x, n) = if n == 0 { x } else { nest([x], n - 1) }", "nest(1, 150)", MiniErrorKind.Size)]
    [InlineData("fn wide(x, n) = if n == 0 { x } else { wide([x, x, x, x], n - 1) }", "str(wide(range(100), 12))", MiniErrorKind.Size)]
    public void Work_hidden_in_shared_or_nested_values_is_charged_too(string source, string call, MiniErrorKind kind)
    {
        Assert.Equal(kind, Assert.Throws<MiniRuntimeException>(() => Run(source, call)).Kind);
    }

    [Fact]
    public void A_long_operator_chain_ends_with_a_result_or_a_depth_error_not_a_crash()
    {
        var source = "fn f(n) = n" + string.Concat(Enumerable.Repeat(" + 1", 200_000));

        var program = MiniParser.Parse(source);
        try
        {
            Assert.Equal("200000", program.Evaluate("f(0)", new MiniLimits(StepBudget: 10_000_000)).ToString());
        }
        catch (MiniRuntimeException e)
        {
            Assert.Equal(MiniErrorKind.Depth, e.Kind);
        }
    }

    [Theory]
    [InlineData("fn f(n) = 10 / (n - n)", "f(3)", MiniErrorKind.DivideByZero, "main.mini:1:14: '/' by zero.")]
    [InlineData("fn f(xs) = xs[3]", "f([1, 2])", MiniErrorKind.Index, "main.mini:1:14: index 3 is out of range for a list of length 2 (0 to 1, or -2 to -1 from the end).")]
    [InlineData("fn f(n) = \"n = \" + n", "f(2)", MiniErrorKind.Type, "main.mini:1:18: '+' cannot combine string \"n = \" and integer 2 (use str(x) to turn a value into text).")]
    [InlineData("fn f(n) = if n { 1 } else { 2 }", "f(2)", MiniErrorKind.Type, "main.mini:1:11: the condition of 'if' must be a boolean; found integer 2.")]
    [InlineData("fn f(xs) = xs[len(xs) / 2]", "f([1, 2, 3, 4])", MiniErrorKind.Type, "main.mini:1:14: an index must be an integer; found decimal 2.0 (use // for integer division).")]
    [InlineData("fn f(n) = n * 9223372036854775807", "f(2)", MiniErrorKind.Overflow, "main.mini:1:13: a number left its range (integers have 64 bits, decimals 28 digits).")]
    [InlineData("fn f(n) = todo(\"later\")", "f(2)", MiniErrorKind.Unimplemented, "main.mini:1:11: todo(later): not implemented yet.")]
    public void Runtime_errors_name_their_kind_and_place(string source, string call, MiniErrorKind kind, string message)
    {
        var error = Assert.Throws<MiniRuntimeException>(() => Run(source, call));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Programs_reach_nothing_of_the_host()
    {
        // There is no syntax for I/O, reflection or imports: every such name is simply unknown.
        foreach (var attempt in new[] { "fn f() = File(\"/etc/passwd\")", "fn f() = System.IO", "fn f() = import(\"os\")", "fn f() = exec(\"ls\")" })
        {
            Assert.Throws<MiniSyntaxException>(() => MiniParser.Parse(attempt));
        }
    }

    [Fact]
    public void A_program_of_several_files_calls_across_them_and_reports_the_right_file()
    {
        var program = MiniParser.Parse(new Dictionary<string, string> { ["main.mini"] = "fn f(n) = helper(n) + 1", ["util.mini"] = "fn helper(n) = 100 // n" });

        Assert.Equal("11", program.Evaluate("f(10)").ToString());
        var error = Assert.Throws<MiniRuntimeException>(() => program.Evaluate("f(0)"));
        Assert.StartsWith("util.mini:1:20:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_call_with_values_runs_like_the_expression()
    {
        var program = MiniParser.Parse("fn total(xs) = if len(xs) == 0 { 0 } else { xs[0] + total(xs[1:]) }");

        Assert.Equal(MiniValue.Of(6), program.Call("total", [MiniValue.ListOf(MiniValue.Of(1), MiniValue.Of(2), MiniValue.Of(3))]));
        Assert.Throws<ArgumentException>(() => program.Call("sum", []));
    }

    [Fact]
    public void The_builtins_a_program_calls_are_listed_once_in_order_without_comments_strings_or_todo()
    {
        var files = new Dictionary<string, string>
        {
            ["main.mini"] = "# uses abs(x) in a comment only\nfn f(xs) = if len(xs) == 0 { todo() } else { max(xs[0], g(xs)) }",
            ["util.mini"] = "fn g(xs) = len(\"min(a)\") + int(str(len(xs)))",
        };

        Assert.Equal(["int", "len", "max", "str"], MiniLanguage.BuiltinsUsed(files));
        Assert.Equal(["range"], MiniLanguage.BuiltinsUsed(new Dictionary<string, string> { ["bad.mini"] = "fn f(n) = range(n) \"unclosed" }));
        Assert.Empty(MiniLanguage.BuiltinsUsed(new Dictionary<string, string> { ["main.mini"] = "fn twice(n) = 2 * n" }));
    }
}
