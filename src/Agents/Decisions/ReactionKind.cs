namespace Agents.Decisions;

/// <summary>How an agent reacts to someone it notices.</summary>
public enum ReactionKind
{
    /// <summary>Keep doing what it does.</summary>
    Continue,

    /// <summary>Start a conversation with them.</summary>
    Talk,

    /// <summary>Wait for them (e.g. to finish with an object).</summary>
    Wait,
}
