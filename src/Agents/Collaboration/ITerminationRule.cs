namespace Agents.Collaboration;

/// <summary>Decides when a conversation is over. Implementations are immutable and thread-safe.</summary>
public interface ITerminationRule
{
    /// <summary>The reason the conversation should stop now, or null to go on.</summary>
    string? Check(Conversation conversation);
}
