namespace Agents.Collaboration;

/// <summary>One turn of a conversation: who spoke, what, in which round, and who may see it.</summary>
/// <param name="Index">The turn's position in the conversation, from 0.</param>
/// <param name="Round">The round the turn belongs to, from 0.</param>
/// <param name="Speaker">The speaking role's name.</param>
/// <param name="Text">What was said.</param>
/// <param name="Audience">The roles that see the turn besides the speaker; null means everyone.</param>
public sealed record Utterance(int Index, int Round, string Speaker, string Text, IReadOnlyList<string>? Audience = null)
{
    /// <summary>True when <paramref name="role"/> may see this turn: it is public, addressed to the role, or the role's own.</summary>
    public bool IsVisibleTo(string role) =>
        Audience is null || string.Equals(Speaker, role, StringComparison.Ordinal) || Audience.Contains(role, StringComparer.Ordinal);
}
