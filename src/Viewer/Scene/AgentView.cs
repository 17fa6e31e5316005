namespace Agents.Viewer.Scene;

/// <summary>An agent as a frame shows it.</summary>
/// <param name="Index">The agent's index in the scenario; picks its colour.</param>
/// <param name="Name">Its full name; the disc shows its initials.</param>
/// <param name="X">Tile column (fractional while walking between tiles).</param>
/// <param name="Y">Tile row.</param>
/// <param name="Activity">What it does now, for the caption; may be empty.</param>
/// <param name="IsMoving">True while walking.</param>
/// <param name="IsSleeping">True while asleep: the disc gets a "z" mark.</param>
/// <param name="IsTalking">True while in a conversation: the disc gets a speech mark.</param>
public sealed record AgentView(int Index, string Name, float X, float Y, string Activity, bool IsMoving, bool IsSleeping, bool IsTalking)
{
    /// <summary>Up to two initials: first letters of the first and last words of the name.</summary>
    public string Initials
    {
        get
        {
            var words = Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return words.Length switch
            {
                0 => "?",
                1 => words[0][..1].ToUpperInvariant(),
                _ => string.Concat(words[0][..1], words[^1][..1]).ToUpperInvariant(),
            };
        }
    }
}
