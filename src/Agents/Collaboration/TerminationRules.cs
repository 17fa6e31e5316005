namespace Agents.Collaboration;

/// <summary>The common termination rules: a turn limit, a round limit, a conclusion marker, and any of several.</summary>
public static class TerminationRules
{
    /// <summary>Stops once the conversation holds <paramref name="turns"/> turns.</summary>
    public static ITerminationRule TurnLimit(int turns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(turns);
        return new Rule(c => c.Turns.Count >= turns ? $"turn limit {turns} reached" : null);
    }

    /// <summary>Stops once a turn of round <paramref name="rounds"/> (0-based) would start, i.e. after that many rounds.</summary>
    public static ITerminationRule RoundLimit(int rounds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rounds);
        return new Rule(c => c.Round >= rounds ? $"round limit {rounds} reached" : null);
    }

    /// <summary>Stops when the last line of the latest turn starts with <paramref name="marker"/> (ChatDev's "&lt;INFO&gt;").</summary>
    public static ITerminationRule Marker(string marker = "<INFO>")
    {
        ArgumentException.ThrowIfNullOrEmpty(marker);
        return new Rule(c => c.Turns.Count > 0 && ConclusionOf(c.Turns[^1].Text, marker) is not null ? $"concluded with {marker}" : null);
    }

    /// <summary>Stops as soon as any of <paramref name="rules"/> says so; the first reason wins.</summary>
    public static ITerminationRule Any(params ITerminationRule[] rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new Rule(c =>
        {
            foreach (var rule in rules)
            {
                if (rule.Check(c) is { } reason)
                {
                    return reason;
                }
            }

            return null;
        });
    }

    /// <summary>The text after <paramref name="marker"/> when the last non-empty line of <paramref name="text"/> starts with it; otherwise null.</summary>
    public static string? ConclusionOf(string text, string marker = "<INFO>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length > 0 && lines[^1].StartsWith(marker, StringComparison.Ordinal) ? lines[^1][marker.Length..].Trim() : null;
    }

    private sealed class Rule(Func<Conversation, string?> check) : ITerminationRule
    {
        public string? Check(Conversation conversation) => check(conversation);
    }
}
