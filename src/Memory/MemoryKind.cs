namespace Agents.Memory;

/// <summary>What a memory is: something perceived, a higher-level thought, an intention, or a conversation.</summary>
public enum MemoryKind
{
    /// <summary>An event the agent perceived (depth 0, a leaf of the reflection tree).</summary>
    Observation,

    /// <summary>An insight drawn from other memories, which it cites as evidence.</summary>
    Reflection,

    /// <summary>A plan or planning thought (a daily plan, a note after a conversation).</summary>
    Plan,

    /// <summary>A conversation or a memo about one.</summary>
    Chat,
}
