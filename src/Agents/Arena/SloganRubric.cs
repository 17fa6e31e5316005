namespace Agents.Arena;

/// <summary>
/// The programmatic side of slogans: <see cref="Write"/> writes a slogan that meets every point of the rubric, and
/// <see cref="Score"/> rates one: 2 points for exactly two distinct lines, 2 for naming the product, 1 per feature
/// keyword, 1 when every line has at most 8 words (at most 7 points). Stateless and thread-safe.
/// </summary>
public static class SloganRubric
{
    /// <summary>The highest score.</summary>
    public static int MaxScore(SloganBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        return 5 + brief.Keywords.Count;
    }

    /// <summary>A slogan with both lines, the name and every keyword: "Pebble keeps drinks cold all day / Pebble: cold and day, always".</summary>
    public static string Write(SloganBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        return $"{brief.Name} {brief.Feature} / {brief.Name}: {string.Join(" and ", brief.Keywords)}, every time";
    }

    /// <summary>The rubric score of <paramref name="slogan"/> (lines separated by " / "), case-insensitive.</summary>
    public static int Score(SloganBrief brief, string? slogan)
    {
        ArgumentNullException.ThrowIfNull(brief);
        if (string.IsNullOrWhiteSpace(slogan))
        {
            return 0;
        }

        var text = slogan.ToLowerInvariant();
        var lines = text.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var score = lines.Length == 2 && lines[0] != lines[1] ? 2 : 0;
        score += text.Contains(brief.Name.ToLowerInvariant(), StringComparison.Ordinal) ? 2 : 0;
        score += brief.Keywords.Count(k => text.Contains(k, StringComparison.Ordinal));
        score += lines.All(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8) ? 1 : 0;
        return score;
    }
}
