using System.Diagnostics;
using System.Globalization;
using Agents.World.Events;
using Agents.World.Scenarios;
using Agents.World.Simulation;

namespace Agents.World.Runs;

/// <summary>
/// A lockstep run of a scenario into a run folder: each step waits for its behaviour, is committed to the event log
/// in one transaction, and every <see cref="Scenario.SnapshotEvery"/> steps a snapshot follows. A run killed at any
/// moment resumes from its last snapshot and ends with the same log hash as an uninterrupted run. Not thread-safe.
/// </summary>
public sealed class HeadlessRun : IDisposable
{
    private const string FormatVersion = "1";
    private readonly RunFolder _folder;
    private readonly EventLog _log;
    private readonly SnapshotStore _snapshots;
    private readonly StepPipeline _pipeline;

    private HeadlessRun(RunFolder folder, EventLog log, Town town, long totalSteps, IBehavior behavior)
    {
        _folder = folder;
        _log = log;
        Town = town;
        TotalSteps = totalSteps;
        _snapshots = new SnapshotStore(folder.Snapshots);
        _pipeline = new StepPipeline(behavior);
    }

    /// <summary>The town being run.</summary>
    public Town Town { get; }

    /// <summary>The run folder.</summary>
    public RunFolder Folder => _folder;

    /// <summary>The event log (its connection is shared by other stores of the run).</summary>
    public EventLog Log => _log;

    /// <summary>Steps the run does in all.</summary>
    public long TotalSteps { get; }

    /// <summary>Starts a new run of <paramref name="scenario"/> in <paramref name="folderPath"/>.</summary>
    public static HeadlessRun Create(Scenario scenario, string folderPath, RunOptions options, IBehavior? behavior = null)
    {
        if (options.Seed is { } seed)
        {
            scenario = scenario with { Seed = seed };
        }

        var clock = new SimClock(scenario.Start, scenario.Step);
        var totalSteps = options.Until is { } until
            ? clock.StepAt(until)
            : clock.StepsIn(options.Duration ?? scenario.Duration);
        if (totalSteps <= 0)
        {
            throw new RunException($"Nothing to run: the end ({clock.TimeAt(totalSteps):yyyy-MM-dd HH:mm}) is not after the start ({scenario.Start:yyyy-MM-dd HH:mm}).");
        }

        var folder = new RunFolder(folderPath);
        var copies = PlanScenarioCopy(scenario, folder);
        folder.PrepareNew(options.Force);
        EventLog? log = null;
        try
        {
            var scenarioCopy = CopyScenario(scenario, folder, copies);
            log = EventLog.Open(folder.Database);
            var town = Town.Create(scenario, scenario.Seed);
            log.WriteHeader(
                new Dictionary<string, string>
                {
                    ["format"] = FormatVersion,
                    ["name"] = scenario.Name,
                    ["scenario"] = Path.GetRelativePath(folder.Path, scenarioCopy),
                    ["seed"] = scenario.Seed.ToString(CultureInfo.InvariantCulture),
                    ["total_steps"] = totalSteps.ToString(CultureInfo.InvariantCulture),
                    ["start"] = EventLog.FormatTime(scenario.Start),
                    ["step_seconds"] = scenario.Step.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                },
                EntityRows(town));
            var run = new HeadlessRun(folder, log, town, totalSteps, behavior ?? new RoutineBehavior());
            run.Persistent?.Open(town, log, resumeStep: null);
            run.WriteSnapshot();
            return run;
        }
        catch
        {
            // Nothing half-written: a run that could not start leaves no folder behind.
            log?.Dispose();
            Directory.Delete(folder.Path, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Reopens a run folder where it stopped: the latest snapshot no later than the last committed step, with the
    /// events after it removed (they are re-run, identically).
    /// </summary>
    public static HeadlessRun Resume(string folderPath, IBehavior? behavior = null)
    {
        var folder = RunFolder.OpenExisting(folderPath);
        var log = EventLog.Open(folder.Database);
        try
        {
            var format = log.GetMeta("format");
            if (format != FormatVersion)
            {
                throw new RunException($"{folder.Database}: run format '{format ?? "none"}' is not the supported '{FormatVersion}'.");
            }

            var scenarioPath = Path.Combine(folder.Path, log.GetMeta("scenario") ?? throw Damaged(folder, "scenario"));
            var seed = int.Parse(log.GetMeta("seed") ?? throw Damaged(folder, "seed"), CultureInfo.InvariantCulture);
            var totalSteps = long.Parse(log.GetMeta("total_steps") ?? throw Damaged(folder, "total_steps"), CultureInfo.InvariantCulture);
            var scenario = ScenarioLoader.Load(scenarioPath) with { Seed = seed };

            var snapshots = new SnapshotStore(folder.Snapshots);
            var last = log.LastCommittedStep;
            var usable = snapshots.Steps().Where(s => s <= last + 1).ToList();
            if (usable.Count == 0)
            {
                throw new RunException($"{folder.Snapshots}: no usable snapshot; the run cannot be resumed.");
            }

            var from = usable[^1];
            var snapshot = snapshots.Read(from);
            log.TruncateAfter(from - 1, []);
            snapshots.DeleteAfter(from);
            var town = Town.Restore(scenario, snapshot);
            var run = new HeadlessRun(folder, log, town, totalSteps, behavior ?? new RoutineBehavior());
            if (run.Persistent is { } persistent)
            {
                persistent.Open(town, log, resumeStep: from);
                persistent.RestoreState(snapshot.BehaviorState);
            }

            return run;
        }
        catch
        {
            log.Dispose();
            throw;
        }
    }

    /// <summary>Runs and commits one step (and the snapshot due after it).</summary>
    public async Task StepAsync(CancellationToken cancellationToken)
    {
        var town = Town;
        var step = town.Clock.Step;
        await _pipeline.StepAsync(town, cancellationToken).ConfigureAwait(false);
        _log.CommitStep(step, _pipeline.Events.Items);
        if (town.Clock.Step % Math.Max(1, town.Scenario.SnapshotEvery) == 0 || town.Clock.Step == TotalSteps)
        {
            WriteSnapshot();
        }
    }

    private IPersistentBehavior? Persistent => _pipeline.Behavior as IPersistentBehavior;

    private void WriteSnapshot() => _snapshots.Write(Town.Capture(Persistent?.CaptureState()));

    /// <summary>
    /// Runs steps until the end, then stores the log hash and writes report.md. Cancellation stops it between steps;
    /// what was committed stays, and <see cref="Resume"/> continues it.
    /// </summary>
    public async Task<RunResult> RunAsync(IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Town.Clock;
        var wall = Stopwatch.StartNew();
        var firstStep = clock.Step;
        var lastReport = TimeSpan.Zero;
        var lastReportStep = firstStep;
        while (clock.Step < TotalSteps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await StepAsync(cancellationToken).ConfigureAwait(false);
            if (progress is not null && (wall.Elapsed - lastReport).TotalMilliseconds >= 100)
            {
                var seconds = (wall.Elapsed - lastReport).TotalSeconds;
                progress.Report(new RunProgress(clock.Step, TotalSteps, clock.Now, (clock.Step - lastReportStep) / seconds));
                lastReport = wall.Elapsed;
                lastReportStep = clock.Step;
            }
        }

        var hash = EventLog.ComputeHash(_log.Connection);
        _log.SetMeta("hash", hash);
        progress?.Report(new RunProgress(clock.Step, TotalSteps, clock.Now, (clock.Step - firstStep) / Math.Max(1e-9, wall.Elapsed.TotalSeconds)));
        File.WriteAllText(_folder.Report, RunReport.Read(_folder.Path).ToMarkdown(hash));
        return new RunResult(_folder.Path, clock.Step, clock.Now, hash, clock.Step - firstStep, wall.Elapsed);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _log.Dispose();
        Town.Dispose();
    }

    private static IEnumerable<(int Id, int Version, string Kind, string Name)> EntityRows(Town town)
    {
        var all = new List<Ecs.Entity>();
        town.Entities.GetEntities(new Ecs.QueryDescription().WithAll<Components.Named>(), all);
        foreach (var entity in all)
        {
            var kind = town.Entities.Has<Components.AgentTag>(entity) ? "agent" : "object";
            yield return (entity.Id, entity.Version, kind, town.Entities.Get<Components.Named>(entity).Value);
        }
    }

    private static List<(string From, string To)> PlanScenarioCopy(Scenario scenario, RunFolder folder)
    {
        var sourceDir = Path.GetDirectoryName(Path.GetFullPath(scenario.SourcePath)) ?? ".";
        var copies = new List<(string From, string To)>();
        foreach (var file in scenario.ReferencedFiles)
        {
            var relative = Path.GetRelativePath(sourceDir, Path.GetFullPath(file));
            if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            {
                throw new RunException($"{scenario.SourcePath}: the referenced file {file} lies outside the scenario's folder; keep maps beside or below the scenario so a run folder can hold a copy.");
            }

            copies.Add((file, Path.Combine(folder.ScenarioFolder, relative)));
        }

        return copies;
    }

    private static string CopyScenario(Scenario scenario, RunFolder folder, List<(string From, string To)> copies)
    {
        Directory.CreateDirectory(folder.ScenarioFolder);
        var target = Path.Combine(folder.ScenarioFolder, Path.GetFileName(scenario.SourcePath));
        File.WriteAllText(target, scenario.SourceText);
        foreach (var (from, to) in copies)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
        }

        return target;
    }

    private static RunException Damaged(RunFolder folder, string key) =>
        new($"{folder.Database}: the run has no '{key}' entry; the folder is damaged or was not made by 'agents run'.");
}
