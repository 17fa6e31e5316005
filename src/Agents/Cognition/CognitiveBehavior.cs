using System.Text.RegularExpressions;
using Agents.Decisions;
using Agents.Memory;
using Agents.Memory.Embeddings;
using Agents.Memory.Retrieval;
using Agents.Memory.Storage;
using Agents.Minds;
using Agents.World.Components;
using Agents.World.Events;
using Agents.World.Simulation;
using MessagePack;
using MessagePack.Resolvers;
using Microsoft.Data.Sqlite;
using MemoryStream = Agents.Memory.MemoryStream;

namespace Agents.Cognition;

/// <summary>
/// The generative-agents loop as the town's behaviour: each step every agent stores what it perceived (rated for
/// importance), plans (day plan on waking, hourly schedule, the current hour in tasks), grounds the current task in a
/// place and object, reacts to someone it notices, converses, and reflects when the importance of what it perceived
/// passes the threshold. Every decision of a step goes to the mind as one batch; decisions that depend on others
/// follow in later steps. An agent knows a fact only through its memory stream. Memories are saved in each step's
/// transaction; plans, talks and counters ride in snapshots. Not thread-safe: the simulation thread owns it.
/// </summary>
public sealed partial class CognitiveBehavior : IPersistentBehavior
{
    private static readonly MessagePackSerializerOptions StateFormat = MessagePackSerializerOptions.Standard.WithResolver(StandardResolverAllowPrivate.Instance);
    /// <summary>The importance from which a memory counts as news that a prompt shows even when retrieval misses it.</summary>
    private const int NewsImportance = 6;

    private static readonly Regex WakePattern = new(@"wakes? up (?:around |at )?(\d{1,2})(?::\d{2})?\s*(am|pm)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private readonly IMind _mind;
    private readonly CognitionOptions _options;
    private readonly DecisionBatch _batch = new();
    private readonly MemoryAccessLog _accesses = new();
    private readonly UsageLog _usage = new();
    private readonly List<(int Agent, int Other, string Observed)?> _noticed = [];
    private CognitionState _state = new();
    private MemoryBank _bank = new();
    private HashingEmbedder _embedder = new();
    private RetrievalSettings _retrieval = RetrievalSettings.Default;
    private Town? _town;

    /// <summary>Creates the behaviour; <paramref name="mind"/> answers every decision (not owned).</summary>
    public CognitiveBehavior(IMind mind, CognitionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mind);
        _mind = mind;
        _options = options ?? new CognitionOptions();
    }

    /// <summary>Every agent's memories (valid after <see cref="Open"/>).</summary>
    public MemoryBank Memories => _bank;

    /// <summary>Decisions asked so far in this process, by type.</summary>
    public IReadOnlyDictionary<string, long> DecisionCounts => _state.Decisions;

    /// <summary>Decisions whose reply could not be parsed (their fallback applied), by type.</summary>
    public IReadOnlyDictionary<string, long> FallbackCounts => _state.Fallbacks;

    /// <inheritdoc />
    public void Open(Town town, EventLog log, long? resumeStep)
    {
        ArgumentNullException.ThrowIfNull(town);
        ArgumentNullException.ThrowIfNull(log);
        _town = town;
        var memory = town.Scenario.Memory;
        _retrieval = new RetrievalSettings(memory.RecencyWeight, memory.ImportanceWeight, memory.RelevanceWeight, memory.RecencyDecay, memory.TopK);
        _embedder = new HashingEmbedder(memory.EmbeddingDimension);
        var connection = log.Connection;
        using (var tx = connection.BeginTransaction())
        {
            SqliteMemoryStore.EnsureSchema(connection, tx);
            MemoryAccessLog.EnsureSchema(connection, tx);
            UsageLog.EnsureSchema(connection, tx);
            if (resumeStep is { } step)
            {
                MemoryAccessLog.Rewind(connection, tx, step, town.Clock.TimeAt(step));
            }

            tx.Commit();
        }

        _bank = SqliteMemoryStore.Load(connection, memory.EmbeddingDimension);
        if (resumeStep is null)
        {
            _state = NewState(town);
        }

        log.StepWriters.Add(WriteStep);
    }

    /// <inheritdoc />
    public byte[] CaptureState() => MessagePackSerializer.Serialize(_state, StateFormat);

    /// <inheritdoc />
    public void RestoreState(byte[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _state = MessagePackSerializer.Deserialize<CognitionState>(state, StateFormat);
    }

    /// <inheritdoc />
    public async ValueTask UpdateAsync(Town town, StepEvents events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(town);
        ArgumentNullException.ThrowIfNull(events);
        _town = town;
        _batch.Clear();
        if (!_state.Started)
        {
            StartSleeping(town, events);
            _state.Started = true;
        }

        SettleObjects(town, events);
        Perceive(town);
        for (var i = 0; i < town.Agents.Count; i++)
        {
            Rate(i, town);
            Decide(i, town, events);
        }

        if (_batch.Count == 0)
        {
            return;
        }

        IReadOnlyList<MindReply?> replies;
        try
        {
            replies = await _mind.AnswerAsync(_batch.Decisions, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failing mind falls back for the whole batch; it never stops a run.
        catch (Exception)
#pragma warning restore CA1031
        {
            replies = [];
        }

        var fellBack = _batch.Apply(replies);
        for (var i = 0; i < fellBack.Length; i++)
        {
            var decision = _batch.Decisions[i];
            var agent = town.Agents[_batch.Agents[i]];
            var reply = i < replies.Count ? replies[i] : null;
            Count(_state.Decisions, decision.Type);
            if (fellBack[i])
            {
                Count(_state.Fallbacks, decision.Type);
                events.Add(agent.Id, CognitionEvents.DecisionFallback, new DecisionFellBack(decision.Type, PromptBuilder.OneLine(reply?.Text ?? string.Empty, 200)));
            }

            _usage.Add(town.Scenario.Agents[_batch.Agents[i]].Name, decision.Type, fellBack[i], reply?.Calls ?? 0, reply?.PromptTokens ?? 0, reply?.CompletionTokens ?? 0);
        }
    }

    private static void Count(Dictionary<string, long> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private void WriteStep(SqliteConnection connection, SqliteTransaction tx, long step)
    {
        SqliteMemoryStore.SaveChanges(_bank, tx);
        _accesses.Write(connection, tx, step, Math.Max(1, _town?.Scenario.SnapshotEvery ?? 360));
        _usage.Write(connection, tx, step);
    }

    private CognitionState NewState(Town town)
    {
        var state = new CognitionState();
        var threshold = town.Scenario.Memory.ReflectionThreshold;
        foreach (var spec in town.Scenario.Agents)
        {
            var known = new SortedSet<string>(StringComparer.Ordinal) { spec.Home.Sector };
            foreach (var item in spec.Routine)
            {
                known.Add(item.Place.Sector);
            }

            var mind = new AgentMindState { ReflectionCounter = threshold };
            foreach (var memory in spec.Memories)
            {
                mind.Pending.Add(new PendingMemory { Kind = (int)MemoryKind.Observation, Text = memory });
                AddNamedSectors(town, known, memory);
            }

            mind.Known = [.. known];
            state.Agents.Add(mind);
        }

        return state;
    }

    private static void AddNamedSectors(Town town, ICollection<string> known, string text)
    {
        foreach (var sector in town.Map.Sectors)
        {
            if (!known.Contains(sector.Name) && text.Contains(sector.Name, StringComparison.Ordinal))
            {
                known.Add(sector.Name);
            }
        }
    }

    private static void StartSleeping(Town town, StepEvents events)
    {
        for (var i = 0; i < town.Agents.Count; i++)
        {
            var spec = town.Scenario.Agents[i];
            Actions.StartActivity(town, events, town.Agents[i], "sleeping", spec.Home, -1);
        }
    }

    /// <summary>An object an agent reached takes the state its object-state decision gave.</summary>
    private void SettleObjects(Town town, StepEvents events)
    {
        for (var i = 0; i < town.Agents.Count; i++)
        {
            var a = _state.Agents[i];
            if (a.PendingObjectState is not { } wanted)
            {
                continue;
            }

            var agent = town.Agents[i];
            var activity = town.Entities.Get<Activity>(agent);
            if (!town.TryGetObject(activity.Address, out var obj))
            {
                a.PendingObjectState = null;
                continue;
            }

            ref var state = ref town.Entities.Get<ObjectState>(obj);
            if (state.UsedBy == agent.Id && state.State == activity.Description)
            {
                state.State = wanted;
                events.Add(obj.Id, EventKinds.Object, new ObjectChanged(state.Address, state.State));
                a.PendingObjectState = null;
            }
            else if (state.UsedBy != -1 && state.UsedBy != agent.Id)
            {
                a.PendingObjectState = null;
            }
        }
    }

    private void Perceive(Town town)
    {
        _noticed.Clear();
        for (var i = 0; i < town.Agents.Count; i++)
        {
            var a = _state.Agents[i];
            var name = town.Scenario.Agents[i].Name;
            (int, int, string)? noticed = null;
            foreach (var seen in town.PerceivedBy(i))
            {
                var e = seen.Event;
                if (e.Subject == name)
                {
                    continue;
                }

                a.Pending.Add(new PendingMemory { Kind = (int)MemoryKind.Observation, Text = e.Description, Subject = e.Subject, Predicate = e.Predicate, Object = e.Object });
                if (noticed is null && IndexOf(town, e.Subject) is { } other)
                {
                    noticed = (i, other, e.Description);
                }
            }

            var position = town.Entities.Get<TilePosition>(town.Agents[i]).Point;
            if (town.Map.SectorAt(position) is { } sector && !a.Known.Contains(sector.Name))
            {
                a.Known.Add(sector.Name);
                a.Known.Sort(StringComparer.Ordinal);
            }

            _noticed.Add(noticed);
        }
    }

    private static int? IndexOf(Town town, string name)
    {
        for (var i = 0; i < town.Scenario.Agents.Count; i++)
        {
            if (town.Scenario.Agents[i].Name == name)
            {
                return i;
            }
        }

        return null;
    }

    private void Rate(int i, Town town)
    {
        var a = _state.Agents[i];
        if (a.Pending.Count == 0)
        {
            return;
        }

        var name = town.Scenario.Agents[i].Name;
        var pending = a.Pending.ToList();
        a.Pending.Clear();
        foreach (var memory in pending)
        {
            _batch.Ask(i, new ImportanceDecision(name, memory.Text), outcome => Store(i, memory, outcome.Value));
        }
    }

    private MemoryRecord Store(int i, PendingMemory memory, int importance)
    {
        var town = _town!;
        var a = _state.Agents[i];
        var kind = (MemoryKind)memory.Kind;
        Triple? spo = memory.Subject is null ? null : new Triple(memory.Subject, memory.Predicate ?? string.Empty, memory.Object ?? string.Empty);
        var record = Stream(i).Append(kind, memory.Text, town.Clock.Now, importance, _embedder.Embed(memory.Text), spo, memory.Evidence);
        if (kind is MemoryKind.Observation or MemoryKind.Chat)
        {
            a.ReflectionCounter -= importance;
        }

        var before = a.Known.Count;
        AddNamedSectors(town, a.Known, memory.Text);
        if (a.Known.Count != before)
        {
            a.Known.Sort(StringComparer.Ordinal);
        }

        return record;
    }

    private MemoryStream Stream(int i) => _bank.Stream(_town!.Scenario.Agents[i].Name);

    private static int WakeHour(string lifestyle)
    {
        var match = WakePattern.Match(lifestyle);
        if (!match.Success)
        {
            return 7;
        }

        var hour = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        return match.Groups[2].Value.Equals("pm", StringComparison.OrdinalIgnoreCase) && hour < 12 ? hour + 12 : hour % 24;
    }
}
