using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;
using Agents.Memory.Retrieval;

namespace Agents.Memory;

/// <summary>
/// One agent's memories in the order they were made, with retrieval as the paper defines it. Embeddings live in
/// contiguous chunks, scores are computed with SIMD, and a retrieval allocates only its results. Created by
/// <see cref="MemoryBank.Stream"/>, which gives ids unique across the run. Not thread-safe: one thread at a time per
/// stream (different streams of one bank may be used from different threads). The name follows the paper; callers
/// that also import System.IO alias it (<c>using MemoryStream = Agents.Memory.MemoryStream;</c>).
/// </summary>
public sealed class MemoryStream
{
    private readonly MemoryBank bank;
    private readonly List<MemoryRecord> records = [];
    private readonly ReadOnlyCollection<MemoryRecord> recordsView;
    private readonly Dictionary<long, int> rowById = [];
    private readonly RetrievalIndex index;

    internal MemoryStream(MemoryBank bank, string owner)
    {
        this.bank = bank;
        Owner = owner;
        index = new RetrievalIndex(bank.Dimension);
        recordsView = records.AsReadOnly();
    }

    /// <summary>The agent whose memories these are.</summary>
    public string Owner { get; }

    /// <summary>Length of every embedding in this stream.</summary>
    public int Dimension => index.Dimension;

    /// <summary>How many memories the stream holds.</summary>
    public int Count => records.Count;

    /// <summary>All memories, oldest first (append order). A live view: it grows as memories are appended.</summary>
    public IReadOnlyList<MemoryRecord> All => recordsView;

    /// <summary>
    /// Stores a new memory and returns it. Its last access is its creation time; its depth is 0 without evidence
    /// (1 for a reflection without evidence) and otherwise 1 + the greatest depth of its evidence. Duplicate evidence
    /// ids are kept once. Throws <see cref="MemoryException"/> when evidence is not an earlier memory of this agent
    /// (itself, unknown, another agent's, or created after <paramref name="created"/>) or an observation cites evidence.
    /// </summary>
    public MemoryRecord Append(
        MemoryKind kind,
        string text,
        DateTime created,
        int importance,
        ReadOnlySpan<float> embedding,
        Triple? spo = null,
        IReadOnlyList<long>? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown memory kind.");
        }

        if (importance is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(importance), importance, "Importance must be between 1 and 10.");
        }

        if (embedding.Length != Dimension)
        {
            throw new ArgumentException($"The embedding has {embedding.Length} floats; {Owner}'s memory stream expects {Dimension}.", nameof(embedding));
        }

        IReadOnlyList<long> cited = CheckEvidence(kind, created, evidence ?? []);
        int depth = DepthOf(kind, cited);
        long id = bank.AllocateId();
        var record = new MemoryRecord(id, Owner, kind, text, spo, created, created, importance, default, cited, depth);
        record = AddRow(record, embedding);
        bank.NoteAppended(this, id);
        return record;
    }

    /// <summary>
    /// Ranks this agent's memories created at or before <paramref name="now"/> for <paramref name="query"/> (an
    /// embedding, or empty for none: relevance then ties at 0.5) and returns the top <paramref name="k"/> (default
    /// <see cref="RetrievalSettings.TopK"/>), best first, ties by lower id. Changes nothing: see <see cref="Retrieve"/>.
    /// </summary>
    public IReadOnlyList<RetrievedMemory> Rank(ReadOnlySpan<float> query, DateTime now, RetrievalSettings? settings = null, int? k = null)
    {
        List<ScoredRow> scored = Score(query, now, settings ?? RetrievalSettings.Default, k);
        var results = new RetrievedMemory[scored.Count];
        for (int i = 0; i < results.Length; i++)
        {
            ScoredRow s = scored[i];
            results[i] = new RetrievedMemory(records[s.Row], s.Recency, s.Importance, s.Relevance, s.Total);
        }

        return results;
    }

    /// <summary>
    /// Like <see cref="Rank"/>, then sets the last access of every returned memory to <paramref name="now"/> (the
    /// returned records carry the new time; their scores are those computed before) and marks them for saving.
    /// </summary>
    public IReadOnlyList<RetrievedMemory> Retrieve(ReadOnlySpan<float> query, DateTime now, RetrievalSettings? settings = null, int? k = null)
    {
        List<ScoredRow> scored = Score(query, now, settings ?? RetrievalSettings.Default, k);
        var results = new RetrievedMemory[scored.Count];
        Span<long> ids = results.Length <= 128 ? stackalloc long[results.Length] : new long[results.Length];
        for (int i = 0; i < results.Length; i++)
        {
            ScoredRow s = scored[i];
            MemoryRecord touched = records[s.Row] with { LastAccessed = now };
            records[s.Row] = touched;
            index.Touch(s.Row, now.Ticks);
            ids[i] = touched.Id;
            results[i] = new RetrievedMemory(touched, s.Recency, s.Importance, s.Relevance, s.Total);
        }

        bank.NoteTouched(ids);
        return results;
    }

    /// <summary>The <paramref name="n"/> most recently appended memories (of <paramref name="kind"/> when given), newest first.</summary>
    public IReadOnlyList<MemoryRecord> Latest(int n, MemoryKind? kind = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var latest = new List<MemoryRecord>(Math.Min(n, records.Count));
        for (int i = records.Count - 1; i >= 0 && latest.Count < n; i--)
        {
            if (kind is null || records[i].Kind == kind)
            {
                latest.Add(records[i]);
            }
        }

        return latest;
    }

    /// <summary>Finds a memory of this agent by id.</summary>
    public bool TryGet(long id, [NotNullWhen(true)] out MemoryRecord? record)
    {
        if (rowById.TryGetValue(id, out int row))
        {
            record = records[row];
            return true;
        }

        record = null;
        return false;
    }

    /// <summary>The memory with <paramref name="id"/>; throws <see cref="MemoryException"/> when this agent has none.</summary>
    public MemoryRecord Get(long id) =>
        TryGet(id, out MemoryRecord? record) ? record : throw new MemoryException($"{Owner} has no memory #{id}.");

    /// <summary>The latest game time in the stream (creation or access), or null when it is empty: a default "now".</summary>
    public DateTime? LatestTime()
    {
        if (records.Count == 0)
        {
            return null;
        }

        DateTime latest = DateTime.MinValue;
        foreach (MemoryRecord record in records)
        {
            latest = record.Created > latest ? record.Created : latest;
            latest = record.LastAccessed > latest ? record.LastAccessed : latest;
        }

        return latest;
    }

    /// <summary>The contiguous embedding chunks, for benchmarks that read the same bytes as a reference.</summary>
    internal EmbeddingRows Embeddings => index.Embeddings;

    /// <summary>Adds a memory read back from a store, keeping its id, times and depth; no change is recorded.</summary>
    internal MemoryRecord Restore(MemoryRecord record)
    {
        MemoryRecord stored = AddRow(record, record.Embedding.Span);
        return stored;
    }

    private IReadOnlyList<long> CheckEvidence(MemoryKind kind, DateTime created, IReadOnlyList<long> evidence)
    {
        if (evidence.Count == 0)
        {
            return [];
        }

        if (kind == MemoryKind.Observation)
        {
            throw new MemoryException($"An observation of {Owner} cannot cite evidence (it cites #{evidence[0]}); only reflections, plans and chats do.");
        }

        var cited = new List<long>(evidence.Count);
        foreach (long id in evidence)
        {
            if (cited.Contains(id))
            {
                continue;
            }

            if (!TryGet(id, out MemoryRecord? source))
            {
                string why = id >= bank.NextId
                    ? id == bank.NextId ? "it would cite itself" : "no memory with that id exists yet"
                    : "it is not one of " + Owner + "'s memories";
                throw new MemoryException($"A new {kind.ToString().ToLowerInvariant()} of {Owner} cites memory #{id}, but {why}; evidence must be earlier memories of the same agent.");
            }

            if (source.Created > created)
            {
                throw new MemoryException($"A new {kind.ToString().ToLowerInvariant()} of {Owner} made at {created:O} cites memory #{id}, made later at {source.Created:O}; evidence must not be later than the memory citing it.");
            }

            cited.Add(id);
        }

        return cited.AsReadOnly();
    }

    private int DepthOf(MemoryKind kind, IReadOnlyList<long> evidence)
    {
        if (evidence.Count == 0)
        {
            return kind == MemoryKind.Reflection ? 1 : 0;
        }

        int deepest = 0;
        foreach (long id in evidence)
        {
            deepest = Math.Max(deepest, records[rowById[id]].Depth);
        }

        return deepest + 1;
    }

    private MemoryRecord AddRow(MemoryRecord record, ReadOnlySpan<float> embedding)
    {
        ReadOnlyMemory<float> stored = index.Add(embedding, record.Importance, record.Created.Ticks, record.LastAccessed.Ticks);
        record = record with { Embedding = stored };
        rowById.Add(record.Id, records.Count);
        records.Add(record);
        return record;
    }

    private List<ScoredRow> Score(ReadOnlySpan<float> query, DateTime now, RetrievalSettings settings, int? k)
    {
        settings.Validate();
        int take = k ?? settings.TopK;
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1, nameof(k));
        if (query.Length != 0 && query.Length != Dimension)
        {
            throw new ArgumentException($"The query embedding has {query.Length} floats; {Owner}'s memory stream expects {Dimension} (or none).", nameof(query));
        }

        return index.Score(query, now.Ticks, settings, take);
    }
}
