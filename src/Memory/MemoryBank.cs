using System.Diagnostics.CodeAnalysis;

namespace Agents.Memory;

/// <summary>
/// All agents' memory streams of one run. Gives ids unique across the run and tracks what changed since the last
/// <see cref="Storage.SqliteMemoryStore.SaveChanges"/>: new memories and new last-access times. Bank-level members are
/// thread-safe, so different agents' streams may be appended to from different threads; saving must not overlap
/// with appends or retrievals.
/// </summary>
public sealed class MemoryBank
{
    /// <summary>The embedding dimension used when none is given (that of the default hashing embedder).</summary>
    public const int DefaultDimension = 256;

    private readonly object gate = new();
    private readonly Dictionary<string, MemoryStream> streams = new(StringComparer.Ordinal);
    private readonly Dictionary<long, MemoryStream> streamById = [];
    private readonly List<long> appended = [];
    private readonly HashSet<long> appendedSet = [];
    private readonly HashSet<long> touched = [];
    private long nextId = 1;

    /// <summary>Creates an empty bank whose embeddings have <paramref name="dimension"/> floats.</summary>
    public MemoryBank(int dimension = DefaultDimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Dimension = dimension;
    }

    /// <summary>Length of every embedding in the bank.</summary>
    public int Dimension { get; }

    /// <summary>The id the next memory will get.</summary>
    public long NextId
    {
        get
        {
            lock (gate)
            {
                return nextId;
            }
        }
    }

    /// <summary>How many memories all streams hold together.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return streamById.Count;
            }
        }
    }

    /// <summary>The agents that have a stream, in ordinal order.</summary>
    public IReadOnlyList<string> Owners
    {
        get
        {
            lock (gate)
            {
                return [.. streams.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>True when memories were appended or retrieved since the last save.</summary>
    public bool HasUnsavedChanges
    {
        get
        {
            lock (gate)
            {
                return appended.Count > 0 || touched.Count > 0;
            }
        }
    }

    /// <summary>The stream of <paramref name="owner"/>, created empty on first use.</summary>
    public MemoryStream Stream(string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        lock (gate)
        {
            if (!streams.TryGetValue(owner, out MemoryStream? stream))
            {
                stream = new MemoryStream(this, owner);
                streams.Add(owner, stream);
            }

            return stream;
        }
    }

    /// <summary>The stream of <paramref name="owner"/> if that agent has one (does not create it).</summary>
    public bool TryGetStream(string owner, [NotNullWhen(true)] out MemoryStream? stream)
    {
        lock (gate)
        {
            return streams.TryGetValue(owner, out stream);
        }
    }

    /// <summary>
    /// The stream of an agent that must exist (for reading a finished run); throws <see cref="MemoryException"/>
    /// naming the agents that do have memories.
    /// </summary>
    public MemoryStream ExistingStream(string owner) =>
        TryGetStream(owner, out MemoryStream? stream)
            ? stream
            : throw new MemoryException($"No memories of an agent named '{owner}'; agents with memories: {(Count == 0 ? "none" : string.Join(", ", Owners))}.");

    /// <summary>Finds any agent's memory by id.</summary>
    public bool TryFind(long id, [NotNullWhen(true)] out MemoryRecord? record)
    {
        MemoryStream? stream;
        lock (gate)
        {
            streamById.TryGetValue(id, out stream);
        }

        record = null;
        return stream is not null && stream.TryGet(id, out record);
    }

    internal long AllocateId()
    {
        lock (gate)
        {
            return nextId++;
        }
    }

    internal void NoteAppended(MemoryStream stream, long id)
    {
        lock (gate)
        {
            streamById.Add(id, stream);
            appended.Add(id);
            appendedSet.Add(id);
        }
    }

    internal void NoteTouched(ReadOnlySpan<long> ids)
    {
        lock (gate)
        {
            foreach (long id in ids)
            {
                if (!appendedSet.Contains(id))
                {
                    touched.Add(id);
                }
            }
        }
    }

    /// <summary>The ids of new memories (append order) and of retrieved older ones (id order), not yet saved.</summary>
    internal (long[] Appended, long[] Touched) PendingChanges()
    {
        lock (gate)
        {
            return ([.. appended], [.. touched.Order()]);
        }
    }

    /// <summary>Forgets the changes after they were written (saving does not overlap with appends).</summary>
    internal void ClearChanges()
    {
        lock (gate)
        {
            appended.Clear();
            appendedSet.Clear();
            touched.Clear();
        }
    }

    /// <summary>Adds a memory read back from a store, keeping its id; no change is recorded.</summary>
    internal MemoryRecord Restore(MemoryRecord record)
    {
        MemoryStream stream = Stream(record.Owner);
        lock (gate)
        {
            streamById.Add(record.Id, stream);
            nextId = Math.Max(nextId, record.Id + 1);
        }

        return stream.Restore(record);
    }
}
