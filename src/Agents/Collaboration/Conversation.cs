namespace Agents.Collaboration;

/// <summary>
/// The primitive under every protocol: roles, numbered turns grouped in rounds, per-turn visibility, and a
/// termination rule. Protocols drive it; it does not call minds itself. Not thread-safe: one protocol owns it.
/// </summary>
public sealed class Conversation
{
    private readonly List<Utterance> _turns = [];
    private readonly Dictionary<string, ConversationRole> _roles = new(StringComparer.Ordinal);

    /// <summary>Creates a conversation among <paramref name="roles"/> that ends when <paramref name="termination"/> says so.</summary>
    public Conversation(string topic, IEnumerable<ConversationRole> roles, ITerminationRule termination)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(termination);
        Topic = topic;
        Termination = termination;
        foreach (var role in roles)
        {
            if (!_roles.TryAdd(role.Name, role))
            {
                throw new ArgumentException($"Role '{role.Name}' appears twice.", nameof(roles));
            }
        }
    }

    /// <summary>What the conversation is about (the task, question or claim).</summary>
    public string Topic { get; }

    /// <summary>The rule that ends the conversation.</summary>
    public ITerminationRule Termination { get; }

    /// <summary>The roles, by name.</summary>
    public IReadOnlyDictionary<string, ConversationRole> Roles => _roles;

    /// <summary>Every turn so far, in order.</summary>
    public IReadOnlyList<Utterance> Turns => _turns;

    /// <summary>The current round, from 0.</summary>
    public int Round { get; private set; }

    /// <summary>Why the conversation stopped, once it has; null while it goes on.</summary>
    public string? StopReason { get; private set; }

    /// <summary>True once the termination rule (or <see cref="Stop"/>) has ended the conversation.</summary>
    public bool IsOver => StopReason is not null || (StopReason = Termination.Check(this)) is not null;

    /// <summary>Adds a turn by <paramref name="speaker"/>, seen by everyone or only by <paramref name="audience"/> and the speaker.</summary>
    /// <exception cref="InvalidOperationException">The conversation is over.</exception>
    public Utterance Say(string speaker, string text, IReadOnlyList<string>? audience = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!_roles.ContainsKey(speaker))
        {
            throw new ArgumentException($"'{speaker}' is not a role of this conversation.", nameof(speaker));
        }

        if (IsOver)
        {
            throw new InvalidOperationException($"The conversation is over ({StopReason}).");
        }

        var turn = new Utterance(_turns.Count, Round, speaker, text, audience);
        _turns.Add(turn);
        return turn;
    }

    /// <summary>Starts the next round.</summary>
    public void NextRound() => Round++;

    /// <summary>Ends the conversation for <paramref name="reason"/> (a protocol's own decision, e.g. a moderator's verdict).</summary>
    public void Stop(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        StopReason ??= reason;
    }

    /// <summary>The turns <paramref name="role"/> may see, in order.</summary>
    public IReadOnlyList<Utterance> VisibleTo(string role) => _turns.Where(t => t.IsVisibleTo(role)).ToList();

    /// <summary>The latest turn of each speaker in round <paramref name="round"/>, in speaking order.</summary>
    public IReadOnlyList<Utterance> InRound(int round) => _turns.Where(t => t.Round == round).ToList();

    /// <summary>A readable transcript: one "[round r] speaker: text" block per turn, then the stop reason.</summary>
    public string Print() => TranscriptFile.Print(Topic, _turns, StopReason);
}
