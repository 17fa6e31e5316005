using Agents.Viewer.Headless;
using Agents.World.Runs;

namespace Agents.Viewer.Tests.Headless;

public sealed class GameTimeTests
{
    private static readonly DateTime Start = new(2023, 2, 13, 0, 0, 0);

    [Theory]
    [InlineData("2023-02-14 17:30", "2023-02-14 17:30:00")]
    [InlineData("2023-02-14T17:30:15", "2023-02-14 17:30:15")]
    [InlineData("08:00", "2023-02-13 08:00:00")]
    [InlineData("8:05", "2023-02-13 08:05:00")]
    [InlineData("day 2 07:45", "2023-02-14 07:45:00")]
    [InlineData("  day 1 23:59:30 ", "2023-02-13 23:59:30")]
    public void Game_times_are_read_in_every_accepted_form(string text, string expected) =>
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), GameTime.Parse(text, Start, "--at"));

    [Theory]
    [InlineData("noon")]
    [InlineData("25:00")]
    [InlineData("day 0 08:00")]
    [InlineData("day x 08:00")]
    [InlineData("")]
    public void Anything_else_is_refused_with_the_accepted_forms_in_the_message(string text)
    {
        var ex = Assert.Throws<RunException>(() => GameTime.Parse(text, Start, "--from"));
        Assert.StartsWith("--from: expected a game time like", ex.Message, StringComparison.Ordinal);
    }
}
