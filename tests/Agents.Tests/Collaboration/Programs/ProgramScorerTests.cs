using Agents.Collaboration.Programs;

namespace Agents.Tests.Collaboration.Programs;

public sealed class ProgramScorerTests
{
    private const string Requirement = "digit_sum(n) returns the sum of the decimal digits of n (n >= 0)";

    private static readonly MiniTestCase[] Tests =
    [
        new("digit_sum(0)", MiniValue.Of(0)),
        new("digit_sum(9)", MiniValue.Of(9)),
        new("digit_sum(123)", MiniValue.Of(6)),
        new("digit_sum(98765)", MiniValue.Of(35)),
    ];

    private static Dictionary<string, string> Files(string code) => new() { ["main.mini"] = code };

    [Fact]
    public void A_correct_complete_program_scores_full_completeness_and_executability()
    {
        var score = ProgramScorer.Score(Requirement, Files("# sum of the decimal digits of n\nfn digit_sum(n) = if n < 10 { n } else { n % 10 + digit_sum(n // 10) }\n"), Tests);

        Assert.Equal(1, score.Completeness);
        Assert.Equal(1, score.Executability);
        Assert.InRange(score.Consistency, 0.3, 1);
        Assert.Equal(score.Consistency, score.Quality, 10);
        Assert.Equal(1, score.PassRate);
    }

    [Fact]
    public void A_placeholder_function_lowers_completeness_and_its_error_zeroes_executability()
    {
        var score = ProgramScorer.Score(Requirement, Files("fn digit_sum(n) = if n < 10 { n } else { last(n) + rest(n) }\nfn last(n) = n % 10\n# TODO: the other digits\nfn rest(n) = todo()\n"), Tests);

        Assert.Equal(2.0 / 3, score.Completeness, 10);
        Assert.Equal(0, score.Executability);
        Assert.Equal(0, score.Quality);
        Assert.Equal(2, score.Tests.Passed);
        Assert.Contains("ERROR digit_sum(123): main.mini:4:14: todo(): not implemented yet.", score.Tests.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_but_running_program_is_executable_with_a_lower_pass_rate()
    {
        var score = ProgramScorer.Score(Requirement, Files("fn digit_sum(n) = if n < 10 { 0 } else { n % 10 + digit_sum(n // 10) }"), Tests);

        Assert.Equal(1, score.Executability);
        Assert.Equal(0.25, score.PassRate);
        Assert.Contains("FAILED digit_sum(9): returned 0; expected 9", score.Tests.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_program_that_does_not_parse_is_scored_line_by_line_and_is_not_executable()
    {
        var score = ProgramScorer.Score(Requirement, Files("fn digit_sum(n) =\n  if n < 10 { n }\n  pass\n"), Tests);

        Assert.Equal(2.0 / 3, score.Completeness, 10);
        Assert.Equal(0, score.Executability);
        Assert.StartsWith("The program does not build: main.mini:3:3: expected 'else'", score.Tests.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Consistency_prefers_code_about_the_requirement()
    {
        var onTopic = ProgramScorer.Consistency(Requirement, Files("fn digit_sum(n) = if n < 10 { n } else { n % 10 + digit_sum(n // 10) }"));
        var offTopic = ProgramScorer.Consistency(Requirement, Files("fn celsius_to_fahrenheit(temperature) = temperature * 9 / 5 + 32"));

        Assert.True(onTopic > offTopic + 0.2, $"{onTopic} vs {offTopic}");
        Assert.Equal("digit sum n n n digit sum n", ProgramScorer.CodeWords("fn digitSum(n) = if n < 10 { n } else { digit_sum(n) }"));
    }

    [Fact]
    public void Consistency_is_the_mean_of_the_tasks_functions_defined_and_its_keywords_found_in_the_code()
    {
        // Task keywords: digit, sum, decimal ("digits" without its s; "returns", "the", "of" and one-letter names left out).
        const string bare = "fn digit_sum(n) = if n < 10 { n } else { n % 10 + digit_sum(n // 10) }";
        const string commented = "# the sum of the decimal digits\n" + bare;
        const string twoParameters = "fn digit_sum(n, base) = if n < base { n } else { n % base + digit_sum(n // base, base) }";

        Assert.Equal((1 + (2.0 / 3)) / 2, ProgramScorer.Consistency(Requirement, Files(bare)), 10);
        Assert.Equal(1, ProgramScorer.Consistency(Requirement, Files(commented)), 10);
        Assert.Equal((0.5 + (2.0 / 3)) / 2, ProgramScorer.Consistency(Requirement, Files(twoParameters)), 10);

        // Another function with shared words: "digit" only; a program that does not parse is still read.
        Assert.Equal((0 + (1.0 / 3)) / 2, ProgramScorer.Consistency(Requirement, Files("fn count_digits(n) = if n < 10 { 1 } else { 1 + count_digits(n // 10) }")), 10);
        Assert.Equal((1 + (2.0 / 3)) / 2, ProgramScorer.Consistency(Requirement, Files("fn digit_sum(n) = if n < 10 {")), 10);

        // A task that names no function is scored on its keywords alone; no code scores 0.
        Assert.Equal(2.0 / 3, ProgramScorer.Consistency("Add the prices of the basket.", Files("fn total(basket) = sum(basket) # adds up")), 10);
        Assert.Equal(0, ProgramScorer.Consistency(Requirement, Files("   ")));
    }

    [Fact]
    public void No_files_score_zero()
    {
        var score = ProgramScorer.Score(Requirement, new Dictionary<string, string>(), Tests);

        Assert.Equal(0, score.Quality);
        Assert.Equal(0, score.Completeness);
        Assert.Equal("No program was written: the replies hold no code block.", score.Tests.Text);
    }
}
