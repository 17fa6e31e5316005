using Agents.Viewer.Frames;
using Agents.Viewer.Scene;
using Agents.World.Components;
using Agents.World.Events;
using Agents.World.Scenarios;
using Agents.World.Simulation;
using MessagePack;

namespace Agents.Viewer.App;

/// <summary>
/// Runs a scenario live on a background task and publishes a <see cref="TownFrame"/> after every step. The window
/// only reads the latest published frame and sets the pace, so it never waits for the simulation. Owns the town.
/// </summary>
public sealed class LiveSource : IFrameSource
{
    private const int KeptPerceptions = 12;
    private readonly Town _town;
    private readonly StepPipeline _pipeline;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string>[] _perceived;
    private readonly double _stepsPerGameMinute;
    private TownFrame _current;
    private double _stepsPerSecond;
    private volatile bool _paused;

    /// <summary>Builds the town from <paramref name="scenario"/> and starts stepping it with <paramref name="behavior"/> (routines by default).</summary>
    public LiveSource(Scenario scenario, IBehavior? behavior = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _town = Town.Create(scenario, scenario.Seed);
        _pipeline = new StepPipeline(behavior ?? new RoutineBehavior());
        _perceived = [.. scenario.Agents.Select(_ => new List<string>())];
        _stepsPerGameMinute = TimeSpan.FromMinutes(1) / scenario.Step;
        _current = Capture();
        _paused = true;
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <inheritdoc />
    public TownFrame Current
    {
        get
        {
            if (_loop.IsFaulted)
            {
                throw new InvalidOperationException($"The live simulation stopped: {_loop.Exception!.GetBaseException().Message}", _loop.Exception);
            }

            return Volatile.Read(ref _current);
        }
    }

    /// <inheritdoc />
    public TownFrame? Next => null;

    /// <inheritdoc />
    public double Fraction => 0;

    /// <inheritdoc />
    public Timeline? Timeline => null;

    /// <summary>Steps the simulation has run.</summary>
    public long Steps => Volatile.Read(ref _current).Step;

    /// <inheritdoc />
    public void Update(double seconds, double gameMinutesPerSecond, bool paused)
    {
        Volatile.Write(ref _stepsPerSecond, gameMinutesPerSecond * _stepsPerGameMinute);
        _paused = paused;
    }

    /// <inheritdoc />
    public void Seek(long step)
    {
        // A live town cannot go back in time; seeking does nothing.
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop's failure was already reported through Current, or it was cancelled.
        }

        _stop.Dispose();
        _town.Dispose();
    }

    private async Task RunAsync(CancellationToken cancel)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var due = 0.0;
        var last = clock.Elapsed.TotalSeconds;
        while (!cancel.IsCancellationRequested)
        {
            var now = clock.Elapsed.TotalSeconds;
            var rate = Volatile.Read(ref _stepsPerSecond);
            due = _paused ? 0 : Math.Min(due + ((now - last) * rate), Math.Max(1, rate / 10));
            last = now;
            if (due < 1)
            {
                await Task.Delay(5, cancel).ConfigureAwait(false);
                continue;
            }

            await _pipeline.StepAsync(_town, cancel).ConfigureAwait(false);
            due -= 1;
            Remember(_pipeline.Events);
            Volatile.Write(ref _current, Capture());
        }
    }

    private void Remember(StepEvents events)
    {
        foreach (var e in events.Items)
        {
            if (e.Kind != EventKinds.Perceive)
            {
                continue;
            }

            for (var i = 0; i < _town.Agents.Count; i++)
            {
                if (_town.Agents[i].Id == e.Entity)
                {
                    var seen = MessagePackSerializer.Deserialize<Perceived>(e.Payload);
                    var list = _perceived[i];
                    list.Insert(0, $"{e.Time:HH:mm} {seen.Description}");
                    if (list.Count > KeptPerceptions)
                    {
                        list.RemoveAt(list.Count - 1);
                    }
                }
            }
        }
    }

    private TownFrame Capture()
    {
        var agents = new AgentFrame[_town.Agents.Count];
        for (var i = 0; i < agents.Length; i++)
        {
            var agent = _town.Agents[i];
            var activity = _town.Entities.Get<Activity>(agent);
            var movement = _town.Entities.Get<Movement>(agent);
            agents[i] = new AgentFrame(
                i,
                _town.Entities.Get<Named>(agent).Value,
                _town.Entities.Get<TilePosition>(agent).Point,
                activity.Description ?? string.Empty,
                activity.Address ?? string.Empty,
                movement.IsMoving,
                movement.Destination ?? string.Empty,
                [.. _perceived[i]]);
        }

        var objects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in _town.Map.Objects)
        {
            var address = o.Address.ToString();
            if (_town.TryGetObject(address, out var entity))
            {
                objects[address] = _town.Entities.Get<ObjectState>(entity).State;
            }
        }

        return new TownFrame(_town.Scenario, _town.Scenario.Seed, _town.Clock.Step, _town.Clock.Now, agents, objects);
    }
}
