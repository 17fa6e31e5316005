using System.Globalization;
using Agents.World.Runs;

namespace Agents.World.Tests.Runs;

public sealed class GameTimeTests
{
    private static readonly DateTime Start = new(2023, 2, 13, 6, 30, 0);

    [Theory]
    [InlineData("2023-02-14 17:30", "2023-02-14 17:30:00")]
    [InlineData("2023-02-14 17:30:15", "2023-02-14 17:30:15")]
    [InlineData("2023-02-14T17:30", "2023-02-14 17:30:00")]
    [InlineData("2023-02-14T17:30:15", "2023-02-14 17:30:15")]
    [InlineData("2023-02-14", "2023-02-14 00:00:00")]
    public void Full_date_times_are_read_with_or_without_a_run_start(string text, string expected)
    {
        Assert.Equal(At(expected), GameTime.Parse(text, "--until"));
        Assert.Equal(At(expected), GameTime.Parse(text, Start, "--at"));
    }

    [Theory]
    [InlineData("08:00", "2023-02-13 08:00:00")]
    [InlineData("8:05", "2023-02-13 08:05:00")]
    [InlineData("05:00", "2023-02-13 05:00:00")]
    [InlineData("23:59:30", "2023-02-13 23:59:30")]
    [InlineData("day 2 07:45", "2023-02-14 07:45:00")]
    [InlineData("Day 3 7:45", "2023-02-15 07:45:00")]
    [InlineData("day1 12:00", "2023-02-13 12:00:00")]
    [InlineData("  day 1 23:59:30 ", "2023-02-13 23:59:30")]
    [InlineData(" 2023-02-14 17:30 ", "2023-02-14 17:30:00")]
    public void Times_of_day_are_read_on_the_days_of_the_run(string text, string expected) =>
        Assert.Equal(At(expected), GameTime.Parse(text, Start, "--at"));

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("08:00")]
    [InlineData("day 2 08:00")]
    [InlineData("2023-02-14 25:00")]
    [InlineData("14/02/2023 19:00")]
    [InlineData("")]
    public void Without_a_run_start_anything_but_a_full_date_time_is_refused_naming_the_text(string text)
    {
        var ex = Assert.Throws<RunException>(() => GameTime.Parse(text, "--until"));
        Assert.Equal($"--until: expected a game time like \"2023-02-14 19:00\"; got \"{text}\".", ex.Message);
    }

    [Theory]
    [InlineData("noon")]
    [InlineData("25:00")]
    [InlineData("8")]
    [InlineData("day 0 08:00")]
    [InlineData("day -1 08:00")]
    [InlineData("day x 08:00")]
    [InlineData("day 2")]
    [InlineData("day 2 noon")]
    [InlineData(" 2023-02-30 08:00")]
    [InlineData("")]
    public void Relative_to_a_run_anything_else_is_refused_with_the_accepted_forms_and_the_text(string text)
    {
        var ex = Assert.Throws<RunException>(() => GameTime.Parse(text, Start, "--from"));
        Assert.Equal(
            $"--from: expected a game time like \"2023-02-13 08:00\", \"08:00\" (first day of the run) or \"day 2 08:00\"; got \"{text}\".",
            ex.Message);
    }

    private static DateTime At(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture);
}
