using System.Globalization;
using Agents.Viewer.Frames;
using Agents.World.Components;
using Agents.World.Events;
using Agents.World.Map;
using Agents.World.Runs;
using Agents.World.Scenarios;
using Agents.World.Simulation;
using MessagePack;
using Microsoft.Data.Sqlite;

namespace Agents.Viewer.Replay;

/// <summary>
/// Rebuilds the town of a run folder at any step: the nearest snapshot at or before it, then the logged events up to
/// it (paths give positions step by step). Moving forward applies only the new events, so playback is cheap; moving
/// back restarts from a snapshot. Holds the run database open read-only. Not thread-safe: one reader per thread.
/// </summary>
public sealed class RunReplay : IDisposable
{
    private const int PerceptionLookbackSteps = 360;
    private readonly SqliteConnection _connection;
    private readonly SnapshotStore _snapshots;
    private readonly IReadOnlyList<long> _snapshotSteps;
    private readonly Dictionary<int, AgentTrack> _byEntity = [];
    private readonly AgentTrack[] _tracks;
    private readonly Dictionary<string, string> _objects = new(StringComparer.Ordinal);
    private long _applied = -1;

    private RunReplay(RunFolder folder, SqliteConnection connection, Scenario scenario, int seed, long lastStep)
    {
        Folder = folder;
        _connection = connection;
        Scenario = scenario;
        Seed = seed;
        LastStep = lastStep;
        _snapshots = new SnapshotStore(folder.Snapshots);
        _snapshotSteps = _snapshots.Steps();
        _tracks = [.. scenario.Agents.Select((a, i) => new AgentTrack(i, a.Name))];
        Clock = new SimClock(scenario.Start, scenario.Step);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, name FROM entities WHERE kind = 'agent'";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (scenario.FindAgent(reader.GetString(1)) is { } spec)
            {
                _byEntity[reader.GetInt32(0)] = _tracks[IndexOf(scenario, spec)];
            }
        }
    }

    /// <summary>The run folder.</summary>
    public RunFolder Folder { get; }

    /// <summary>The run's scenario, loaded from the copy in the run folder.</summary>
    public Scenario Scenario { get; }

    /// <summary>The run's seed.</summary>
    public int Seed { get; }

    /// <summary>The run's clock (start and step length).</summary>
    public SimClock Clock { get; }

    /// <summary>The first step that can be shown (0).</summary>
    public long FirstStep => 0;

    /// <summary>The last step that can be shown: the state after the last committed step.</summary>
    public long LastStep { get; }

    /// <summary>Opens a run folder made by <c>agents run</c>.</summary>
    /// <exception cref="RunException">The folder is not a run, or its scenario copy or metadata is missing.</exception>
    public static RunReplay Open(string path)
    {
        var folder = RunFolder.OpenExisting(path);
        var connection = EventLog.OpenReadOnly(folder.Database);
        try
        {
            var scenarioFile = EventLog.ReadMeta(connection, "scenario")
                ?? throw new RunException($"{folder.Database}: the run has no 'scenario' entry; it was not made by 'agents run'.");
            var scenarioPath = System.IO.Path.Combine(folder.Path, scenarioFile);
            if (!File.Exists(scenarioPath))
            {
                throw new RunException($"{scenarioPath}: the run's copy of its scenario is missing.");
            }

            var scenario = ScenarioLoader.Load(scenarioPath);
            var seed = int.TryParse(EventLog.ReadMeta(connection, "seed"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : scenario.Seed;
            var last = long.TryParse(EventLog.ReadMeta(connection, "last_step"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : -1;
            return new RunReplay(folder, connection, scenario with { Seed = seed }, seed, last + 1);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The step shown at a game time: the last step whose time is not after it, clamped to the run.</summary>
    public long StepAt(DateTime time)
    {
        var step = time <= Clock.Start ? 0 : (time - Clock.Start).Ticks / Clock.StepLength.Ticks;
        return Math.Clamp(step, FirstStep, LastStep);
    }

    /// <summary>The town once steps before <paramref name="step"/> ran (clamped to the run).</summary>
    public TownFrame FrameAt(long step)
    {
        step = Math.Clamp(step, FirstStep, LastStep);
        var snapshot = _snapshotSteps.LastOrDefault(s => s <= step, -1);
        if (_applied < 0 || step < _applied || (snapshot > _applied && step - _applied > Scenario.SnapshotEvery))
        {
            Reset(snapshot);
        }

        Apply(_applied, step, perceptionsOnly: false);
        _applied = step;
        return Capture(step);
    }

    /// <summary>
    /// The run's memories (every agent's stream, as the run left them), or null when the run has none: runs of the
    /// routine behaviour store no memories; runs with cognition do.
    /// </summary>
    /// <exception cref="Memory.Storage.MemoryStoreException">The memory tables are damaged; the message names the row.</exception>
    public Memory.MemoryBank? LoadMemories()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('memories', 'memory_evidence')";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 2
            ? Memory.Storage.SqliteMemoryStore.Load(_connection)
            : null;
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private static int IndexOf(Scenario scenario, AgentSpec spec)
    {
        for (var i = 0; i < scenario.Agents.Count; i++)
        {
            if (ReferenceEquals(scenario.Agents[i], spec))
            {
                return i;
            }
        }

        return -1;
    }

    private void Reset(long snapshotStep)
    {
        _objects.Clear();
        foreach (var track in _tracks)
        {
            track.ClearPerceptions();
        }

        if (snapshotStep < 0)
        {
            // No snapshot: the town as the scenario starts it.
            foreach (var track in _tracks)
            {
                track.Activity = string.Empty;
                track.Address = string.Empty;
                track.Destination = string.Empty;
                track.SetPath(0, Scenario.Agents[track.Index].Position, [], 0);
            }

            _applied = 0;
            return;
        }

        var snapshot = _snapshots.Read(snapshotStep);
        foreach (var entity in snapshot.Entities)
        {
            var components = entity.Components.Select(ComponentRegistry.Deserialize).ToArray();
            if (components.OfType<ObjectState>().FirstOrDefault() is { Address: not null } state)
            {
                _objects[state.Address] = state.State;
                continue;
            }

            if (components.OfType<AgentTag>().Any() && components.OfType<AgentTag>().First().Index is var index && index >= 0 && index < _tracks.Length)
            {
                var track = _tracks[index];
                var position = components.OfType<TilePosition>().FirstOrDefault();
                var movement = components.OfType<Movement>().FirstOrDefault();
                var activity = components.OfType<Activity>().FirstOrDefault();
                track.Activity = activity.Description ?? string.Empty;
                track.Address = activity.Address ?? string.Empty;
                track.Destination = movement.Destination ?? string.Empty;
                track.SetPath(snapshotStep, position.Point, movement.Path ?? [], movement.Next);
            }
        }

        Apply(Math.Max(0, snapshotStep - PerceptionLookbackSteps), snapshotStep, perceptionsOnly: true);
        _applied = snapshotStep;
    }

    private void Apply(long from, long to, bool perceptionsOnly)
    {
        if (to <= from)
        {
            return;
        }

        using var command = _connection.CreateCommand();
        command.CommandText = perceptionsOnly
            ? "SELECT step, time, entity, kind, payload FROM events WHERE step >= $from AND step < $to AND kind = 'perceive' ORDER BY seq"
            : "SELECT step, time, entity, kind, payload FROM events WHERE step >= $from AND step < $to ORDER BY seq";
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var step = reader.GetInt64(0);
            var entity = reader.GetInt32(2);
            var kind = reader.GetString(3);
            var payload = (byte[])reader.GetValue(4);
            if (kind == EventKinds.Object)
            {
                var changed = Decode<ObjectChanged>(payload);
                _objects[changed.Address] = changed.State;
                continue;
            }

            if (!_byEntity.TryGetValue(entity, out var track))
            {
                continue;
            }

            switch (kind)
            {
                case EventKinds.Activity:
                    var started = Decode<ActivityStarted>(payload);
                    track.Activity = started.Description;
                    track.Address = started.Address;
                    track.Stop(step);
                    break;
                case EventKinds.Path:
                    var path = Decode<PathStarted>(payload);
                    track.Destination = path.Destination;
                    track.SetPath(step, track.PositionAt(step), path.Path, 0);
                    break;
                case EventKinds.PathFailed:
                    track.Stop(step);
                    break;
                case EventKinds.Perceive:
                    var seen = Decode<Perceived>(payload);
                    var time = reader.GetString(1);
                    track.AddPerception($"{(time.Length >= 16 ? time[11..16] : time)} {seen.Description}");
                    break;
            }
        }
    }

    private static T Decode<T>(byte[] payload) => MessagePackSerializer.Deserialize<T>(payload, ComponentRegistry.ReadOptions);

    private TownFrame Capture(long step)
    {
        var agents = new AgentFrame[_tracks.Length];
        foreach (var t in _tracks)
        {
            agents[t.Index] = new AgentFrame(t.Index, t.Name, t.PositionAt(step), t.Activity, t.Address, t.IsMovingAt(step), t.Destination, [.. t.Perceived]);
        }

        return new TownFrame(Scenario, Seed, step, Clock.TimeAt(step), agents, new Dictionary<string, string>(_objects, StringComparer.Ordinal));
    }
}
