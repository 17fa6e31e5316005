using Agents.World.Scenarios;
using CsCheck;

namespace Agents.World.Tests.Scenarios;

public sealed class ScenarioValuesTests
{
    [Fact]
    public void A_duration_written_as_days_hours_minutes_and_seconds_reads_back_as_their_sum()
    {
        Gen.Select(Gen.Int[0, 400], Gen.Int[0, 100], Gen.Int[0, 1000], Gen.Int[0, 100_000], Gen.Int[0, 15]).Sample((d, h, m, s, parts) =>
        {
            var text = string.Concat(
                (parts & 1) != 0 ? $"{d}d" : string.Empty,
                (parts & 2) != 0 ? $"{h}h" : string.Empty,
                (parts & 4) != 0 ? $"{m}m" : string.Empty,
                (parts & 8) != 0 || parts == 0 ? $"{s}s" : string.Empty);
            var expected = TimeSpan.FromDays((parts & 1) != 0 ? d : 0) + TimeSpan.FromHours((parts & 2) != 0 ? h : 0)
                + TimeSpan.FromMinutes((parts & 4) != 0 ? m : 0) + TimeSpan.FromSeconds((parts & 8) != 0 || parts == 0 ? s : 0);

            Assert.True(ScenarioValues.TryParseDuration(text, out var duration), text);
            Assert.Equal(expected, duration);
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("10")]
    [InlineData("1h1h")]
    [InlineData("30m1h")]
    [InlineData("1.5h")]
    [InlineData("1w")]
    [InlineData("9999999999d")]
    public void Text_that_is_not_a_duration_is_refused(string text)
    {
        Assert.False(ScenarioValues.TryParseDuration(text, out _));
    }

    [Theory]
    [InlineData("2023-02-13 08:00", 8, 0, 0)]
    [InlineData("2023-02-13T08:00", 8, 0, 0)]
    [InlineData("2023-02-13 08:00:30", 8, 0, 30)]
    [InlineData("2023-02-13", 0, 0, 0)]
    public void Date_times_read_with_a_space_or_T_and_optional_seconds(string text, int hour, int minute, int second)
    {
        Assert.True(ScenarioValues.TryParseDateTime(text, out var value));
        Assert.Equal(new DateTime(2023, 2, 13, hour, minute, second), value);
    }

    [Fact]
    public void A_folder_given_as_scenario_is_reported_as_a_folder()
    {
        using var folder = new TempFolder();

        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(folder.Path));

        Assert.Equal($"{folder.Path}: expected a scenario file (YAML), found a folder", e.Message);
    }
}
