namespace Agents.Collaboration;

/// <summary>Majority vote over parsed answers. Stateless and thread-safe.</summary>
public static class MajorityVote
{
    /// <summary>
    /// The most frequent non-null answer; a tie goes to the answer given first. Null answers (unparseable) do not vote.
    /// Null when no answer parsed.
    /// </summary>
    public static string? Of(IEnumerable<string?> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        var index = 0;
        foreach (var answer in answers)
        {
            if (answer is not null)
            {
                counts[answer] = counts.TryGetValue(answer, out var seen) ? (seen.Count + 1, seen.First) : (1, index);
            }

            index++;
        }

        return counts.Count == 0 ? null : counts.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Value.First).First().Key;
    }
}
