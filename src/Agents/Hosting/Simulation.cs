using System.Runtime.ExceptionServices;
using Agents.Cognition;
using Agents.Memory;
using Agents.Minds;
using Agents.World.Events;
using Agents.World.Scenarios;
using Agents.World.Simulation;

namespace Agents.Hosting;

/// <summary>
/// Generative agents for a game loop. <see cref="Tick"/> never waits for the mind: it hands the next step (its
/// perception, decisions and execution) to a background task and, on a later tick, publishes the finished step through
/// <see cref="StepCompleted"/> on the caller's thread. Read <see cref="Town"/> and <see cref="Memories"/> only from the
/// game thread while <see cref="IsStepping"/> is false (for instance inside a <see cref="StepCompleted"/> handler).
/// Memories are kept in a SQLite database (in memory by default). Use from one thread (the game's).
/// </summary>
public sealed class Simulation : IDisposable
{
    private readonly StepPipeline _pipeline;
    private readonly EventLog _log;
    private readonly CognitiveBehavior _behavior;
    private readonly CancellationTokenSource _stop = new();
    private Task<StepCompletedEventArgs>? _running;

    private Simulation(Town town, EventLog log, CognitiveBehavior behavior)
    {
        Town = town;
        _log = log;
        _behavior = behavior;
        _pipeline = new StepPipeline(behavior);
    }

    /// <summary>The town (entities, map, clock). See the class remarks for when it may be read.</summary>
    public Town Town { get; }

    /// <summary>Every agent's memories. See the class remarks for when they may be read.</summary>
    public MemoryBank Memories => _behavior.Memories;

    /// <summary>Decisions whose reply could not be parsed, by type (their fallbacks applied).</summary>
    public IReadOnlyDictionary<string, long> Fallbacks => _behavior.FallbackCounts;

    /// <summary>True while a step runs in the background.</summary>
    public bool IsStepping => _running is { IsCompleted: false };

    /// <summary>Steps finished and published.</summary>
    public long StepsCompleted { get; private set; }

    /// <summary>Raised by <see cref="Tick"/> or <see cref="RunAsync"/>, on their caller's thread, after each step.</summary>
    public event EventHandler<StepCompletedEventArgs>? StepCompleted;

    /// <summary>Starts a simulation of <paramref name="scenario"/> whose decisions <paramref name="mind"/> answers.</summary>
    /// <param name="scenario">A loaded scenario.</param>
    /// <param name="mind">The mind (not owned).</param>
    /// <param name="databasePath">Where memories and events are kept; ":memory:" (the default) keeps them in memory.</param>
    /// <param name="options">Cognition constants.</param>
    public static Simulation Create(Scenario scenario, IMind mind, string databasePath = ":memory:", CognitionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(mind);
        var log = EventLog.Open(databasePath);
        try
        {
            var town = Town.Create(scenario, scenario.Seed);
            var behavior = new CognitiveBehavior(mind, options);
            behavior.Open(town, log, null);
            return new Simulation(town, log, behavior);
        }
        catch
        {
            log.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Call once a frame: publishes a step that finished since the last call and starts the next one. Returns at once
    /// (the step's work happens on the thread pool); true when a step was published.
    /// </summary>
    public bool Tick()
    {
        ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
        var published = false;
        if (_running is { IsCompleted: true } done)
        {
            _running = null;
            Publish(done);
            published = true;
        }

        if (_running is null)
        {
            _running = Task.Run(StepAsync);
        }

        return published;
    }

    /// <summary>Runs steps one after another until the game clock reaches <paramref name="until"/> (for tools and tests).</summary>
    public async Task RunAsync(DateTime until, CancellationToken cancellationToken)
    {
        while (Town.Clock.Now < until)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = _running ?? Task.Run(StepAsync, cancellationToken);
            _running = null;
            await step.ConfigureAwait(true);
            Publish(step);
        }
    }

    private async Task<StepCompletedEventArgs> StepAsync()
    {
        var step = Town.Clock.Step;
        var time = Town.Clock.Now;
        await _pipeline.StepAsync(Town, _stop.Token).ConfigureAwait(false);
        var events = _pipeline.Events.Items.ToArray();
        _log.CommitStep(step, events);
        return new StepCompletedEventArgs(step, time, events);
    }

    private void Publish(Task<StepCompletedEventArgs> done)
    {
        if (done.IsFaulted)
        {
            ExceptionDispatchInfo.Capture(done.Exception!.InnerException ?? done.Exception).Throw();
        }

        StepsCompleted++;
        StepCompleted?.Invoke(this, done.Result);
    }

    /// <summary>Stops stepping (waiting for a step in flight) and closes the database.</summary>
    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _stop.Cancel();
        try
        {
            _running?.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // A step cancelled by Dispose has nothing left to publish.
        }

        _log.Dispose();
        Town.Dispose();
        _stop.Dispose();
    }
}
