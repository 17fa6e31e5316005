namespace Agents.Memory;

/// <summary>
/// One memory of one agent: an immutable snapshot. A retrieval that returns it produces a new snapshot with the
/// updated <see cref="LastAccessed"/>; the embedding is a read-only view into the stream's contiguous storage.
/// </summary>
/// <param name="Id">Unique across the run (all agents), increasing in the order memories were appended.</param>
/// <param name="Owner">The agent whose memory this is.</param>
/// <param name="Kind">Observation, reflection, plan or chat.</param>
/// <param name="Text">The natural-language description.</param>
/// <param name="Spo">The subject-predicate-object of an observed event, when there is one.</param>
/// <param name="Created">Game time the memory was made.</param>
/// <param name="LastAccessed">Game time it was last created or retrieved; recency decays from here.</param>
/// <param name="Importance">Poignancy, 1 (mundane) to 10 (life-changing).</param>
/// <param name="Embedding">The text's embedding (length = the bank's dimension).</param>
/// <param name="Evidence">Ids of the memories this one cites (empty for observations).</param>
/// <param name="Depth">0 for observations; 1 + the greatest depth of the evidence for a reflection.</param>
public sealed record MemoryRecord(
    long Id,
    string Owner,
    MemoryKind Kind,
    string Text,
    Triple? Spo,
    DateTime Created,
    DateTime LastAccessed,
    int Importance,
    ReadOnlyMemory<float> Embedding,
    IReadOnlyList<long> Evidence,
    int Depth);
