using System.Globalization;

namespace Agents.Cli;

/// <summary>Game times given on the command line ("2023-02-14 19:00").</summary>
public static class GameTimes
{
    private static readonly string[] Formats =
        ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];

    /// <summary>Parses the value of <paramref name="option"/>, or null when it was not given.</summary>
    public static DateTime? Parse(string option, string? text) =>
        text is null ? null
        : DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time
        : throw new CliUsageException($"{option}: expected a game time like \"2023-02-14 19:00\"; got \"{text}\".");
}
