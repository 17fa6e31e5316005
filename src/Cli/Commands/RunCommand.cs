using System.CommandLine;
using System.Globalization;
using Agents.Cognition;
using Agents.Minds;
using Agents.Runtime.Inference;
using Agents.Runtime.Serving;
using Agents.World.Events;
using Agents.World.Runs;
using Agents.World.Scenarios;
using Agents.World.Simulation;
using Spectre.Console;

namespace Agents.Cli.Commands;

/// <summary><c>agents run</c>: runs a scenario headless into a run folder, or resumes one.</summary>
public static class RunCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scenario = new Argument<FileInfo?>("scenario")
        {
            Description = "The scenario file (YAML), e.g. scenarios/smallville.yaml. Omit it with --resume.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var hours = new Option<double?>("--hours") { Description = "Game hours to run (default: the scenario's duration)." };
        var until = new Option<string?>("--until") { Description = "Game time to run until, e.g. \"2023-02-14 19:00\" (instead of --hours)." };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "The run folder to write (default: runs/<scenario>-<date-time>)." };
        var seed = new Option<int?>("--seed") { Description = "Seed for this run (default: the scenario's seed). Same scenario and seed: same event log." };
        var force = new Option<bool>("--force") { Description = "Replace an earlier run in the --out folder." };
        var resume = new Option<DirectoryInfo?>("--resume") { Description = "Continue the run in this folder from its last snapshot (after a crash or Ctrl+C)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar; print only the result." };
        var record = new Option<FileInfo?>("--record") { Description = "Append every decision the mind answers well to this chat JSONL file (a distillation dataset)." };
        var mind = new Option<string?>("--mind") { Description = "What drives the agents: scripted, model, endpoint:URL, or routine (no cognition). Default: the scenario's mind." };
        var model = new Option<DirectoryInfo?>("--model") { Description = "Model folder for --mind model (default: the scenario's mind.model, else models/default)." };
        var unconstrained = new Option<bool>("--unconstrained")
        {
            Description = "With --mind model: decode freely instead of constraining each reply to its decision's shape, to measure the model's own validity (report.md: replies that parsed; a reply that does not parse is retried, then falls back).",
        };

        var command = new Command("run", "Run a scenario headless and write a run folder: run.sqlite (event log), snapshots/, a copy of the scenario, report.md.")
        {
            scenario, hours, until, output, seed, force, resume, quiet, mind, model, unconstrained, record,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var console = Terminal.For(parse);
            var resumeDir = parse.GetValue(resume);
            await using var owned = new Owned(parse.GetValue(record)?.FullName);
            var scenarioFile = parse.GetValue(scenario);
            HeadlessRun run;
            if (resumeDir is not null)
            {
                if (scenarioFile is not null || parse.GetValue(hours) is not null || parse.GetValue(until) is not null || parse.GetValue(seed) is not null)
                {
                    throw new CliUsageException("--resume continues a run as it was started: give no scenario, --hours, --until or --seed with it.");
                }

                var choice = parse.GetValue(mind) ?? RunMeta(resumeDir.FullName, MindMetaKey) ?? "routine";
                // A run started without constraints continues without them (a mind given anew decides for itself).
                var constrain = Constrain(choice, parse.GetValue(unconstrained) || (parse.GetValue(mind) is null && RunMeta(resumeDir.FullName, DecodingMetaKey) == Unconstrained));
                run = HeadlessRun.Resume(resumeDir.FullName, choice == "routine" ? new RoutineBehavior() : CreateBehavior(choice, WithModel(ScenarioOfRun(resumeDir.FullName), parse.GetValue(model)), owned, constrain));
            }
            else
            {
                if (scenarioFile is null)
                {
                    throw new CliUsageException("Give a scenario file to run (e.g. agents run scenarios/tiny.yaml), or --resume DIR.");
                }

                var options = new RunOptions(
                    Seed: parse.GetValue(seed),
                    Duration: ParseHours(parse.GetValue(hours)),
                    Until: parse.GetValue(until) is { } untilText ? GameTime.Parse(untilText, "--until") : null,
                    Force: parse.GetValue(force));
                if (options.Duration is not null && options.Until is not null)
                {
                    throw new CliUsageException("Give either --hours or --until, not both.");
                }

                var loaded = WithModel(ScenarioLoader.Load(scenarioFile.FullName), parse.GetValue(model));
                var folder = parse.GetValue(output)?.FullName
                    ?? Path.Combine("runs", $"{Slug(loaded.Name)}-{DateTime.Now:yyyyMMdd-HHmmss}");
                var choice = parse.GetValue(mind) ?? loaded.Mind.Kind;
                var constrain = Constrain(choice, parse.GetValue(unconstrained));
                var behavior = CreateBehavior(choice, options.Seed is { } s ? loaded with { Seed = s } : loaded, owned, constrain);
                run = HeadlessRun.Create(loaded, folder, options, behavior);
                run.Log.SetMeta(MindMetaKey, choice);
                if (!constrain)
                {
                    run.Log.SetMeta(DecodingMetaKey, Unconstrained);
                }
            }

            using (run)
            {
                var result = parse.GetValue(quiet) || !console.Profile.Capabilities.Interactive
                    ? await run.RunAsync(null, cancel)
                    : await RunWithProgressAsync(console, run, cancel);
                console.MarkupLineInterpolated($"Ran [bold]{result.StepsThisSession}[/] steps to {result.GameTime:yyyy-MM-dd HH:mm} in {result.WallTime.TotalSeconds:F1} s ({result.StepsThisSession / Math.Max(result.WallTime.TotalSeconds, 1e-9):F0} steps/s).");
                if (Reporting.MetricsSection.AppendTo(result.Folder) is { } metrics)
                {
                    foreach (var line in metrics.ToMarkdown().Split('\n').TakeWhile(l => !l.StartsWith("###", StringComparison.Ordinal)).Skip(2).Where(l => l.Length > 0))
                    {
                        console.WriteLine(line);
                    }
                }

                console.MarkupLineInterpolated($"Run folder: {result.Folder}");
                console.WriteLine($"Event log hash: {result.Hash}");
                return AgentsCommand.Ok;
            }
        });
        return command;
    }

    private const string MindMetaKey = "mind";

    private const string DecodingMetaKey = "decoding";

    private const string Unconstrained = "unconstrained";

    /// <summary>Whether the model's replies are constrained: always, unless --unconstrained, which only a model mind takes.</summary>
    private static bool Constrain(string choice, bool unconstrained)
    {
        if (unconstrained && choice != MindKinds.Model)
        {
            throw new CliUsageException($"--unconstrained applies to --mind model (the bundled runtime, constrained by default); this run's mind is {choice}.");
        }

        return !unconstrained;
    }

    /// <summary>The scenario with its model folder replaced by --model, when given.</summary>
    internal static Scenario WithModel(Scenario scenario, DirectoryInfo? model) =>
        model is null ? scenario : scenario with { Mind = scenario.Mind with { Model = model.FullName } };

    /// <summary>The behaviour for a --mind choice: routine, scripted, model, or endpoint[:URL].</summary>
    internal static IBehavior CreateBehavior(string choice, Scenario scenario, Owned? owned = null, bool constrain = true)
    {
        if (choice == "routine")
        {
            return new RoutineBehavior();
        }

        var mind = CreateMind(choice, scenario, owned, constrain);
        if (owned?.RecordPath is { } path)
        {
            var recorder = new RecordingMind(mind, path);
            owned.Add(recorder);
            mind = recorder;
        }

        return new CognitiveBehavior(mind);
    }

    /// <summary>What a run command opens and must close (the recording file), and where to record.</summary>
    internal sealed class Owned(string? recordPath) : IAsyncDisposable
    {
        private readonly List<object> _items = [];

        public string? RecordPath { get; } = recordPath;

        public void Add(IDisposable item) => _items.Add(item);

        public void Add(IAsyncDisposable item) => _items.Add(item);

        public async ValueTask DisposeAsync()
        {
            for (var i = _items.Count - 1; i >= 0; i--)
            {
                switch (_items[i])
                {
                    case IAsyncDisposable a:
                        await a.DisposeAsync().ConfigureAwait(false);
                        break;
                    case IDisposable d:
                        d.Dispose();
                        break;
                }
            }
        }
    }

    /// <summary>The mind for a --mind choice: scripted, model, or endpoint[:URL].</summary>
    internal static IMind CreateMind(string choice, Scenario scenario, Owned? owned = null, bool constrain = true) => choice switch
        {
            MindKinds.Scripted => new ScriptedMind(scenario.Seed),
            MindKinds.Model => CreateModelMind(scenario, owned, constrain),
            MindKinds.Endpoint => EndpointMind.Create(scenario.Mind with { Kind = MindKinds.Endpoint }),
            _ when choice.StartsWith("endpoint:", StringComparison.Ordinal) => EndpointMind.Create(
                scenario.Mind with { Kind = MindKinds.Endpoint, Model = scenario.Mind.Kind == MindKinds.Endpoint ? scenario.Mind.Model : null },
                Uri.TryCreate(choice["endpoint:".Length..], UriKind.Absolute, out var url) ? url : throw new CliUsageException($"--mind {choice}: expected endpoint:http://host:port/v1.")),
            _ => throw new CliUsageException($"--mind: expected scripted, model, endpoint:URL or routine; got '{choice}'."),
        };

    /// <summary>
    /// The bundled runtime as a mind: the scenario's model folder (mind.model, relative to the scenario file; default
    /// models/default) served in-process, each reply constrained to its decision's shape unless <paramref name="constrain"/> is false.
    /// </summary>
    private static ModelMind CreateModelMind(Scenario scenario, Owned? owned, bool constrain)
    {
        if (owned is null)
        {
            throw new InvalidOperationException("A model mind needs an owner to close its model.");
        }

        var folder = ModelFolderOf(scenario);
        // The command line has no synchronisation context: waiting here cannot deadlock.
        // A step's decisions go to the engine together: on a CPU a batch of 16 decodes several times the tokens of one.
        const int InFlight = 16;
        var host = LocalModelHost.LoadAsync(folder, new EngineOptions(Slots: InFlight, MaxQueue: 4 * InFlight), device: "auto", threads: 0).GetAwaiter().GetResult();
        owned.Add(host);
        return new ModelMind(host.ChatClient, new ModelMindOptions(
            Temperature: scenario.Mind.Temperature, CallBudget: scenario.Mind.CallBudget, MaxConcurrency: InFlight, Seed: scenario.Seed, ConstrainReplies: constrain));
    }

    /// <summary>Where the scenario's model folder is.</summary>
    internal static string ModelFolderOf(Scenario scenario)
    {
        var named = scenario.Mind.Model ?? Path.Combine("models", "default");
        var candidates = Path.IsPathRooted(named)
            ? [named]
            : new[] { Path.Combine(Path.GetDirectoryName(Path.GetFullPath(scenario.SourcePath)) ?? ".", named), Path.GetFullPath(named) };
        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "config.json")))
            ?? throw new CliUsageException(
                $"--mind model: no model folder (config.json, model.safetensors, tokenizer.json) at {string.Join(" or ", candidates.Distinct())}. " +
                "Set mind.model in the scenario, train one with 'agents train', or use --mind scripted.");
    }

    /// <summary>A value the run recorded in its log's meta table, or null (no log, or not recorded).</summary>
    private static string? RunMeta(string folder, string key)
    {
        if (!File.Exists(Path.Combine(folder, "run.sqlite")))
        {
            return null;
        }

        using var connection = EventLog.OpenReadOnly(Path.Combine(folder, "run.sqlite"));
        return EventLog.ReadMeta(connection, key);
    }

    internal static Scenario ScenarioOfRun(string folder)
    {
        using var connection = EventLog.OpenReadOnly(Path.Combine(folder, "run.sqlite"));
        var path = EventLog.ReadMeta(connection, "scenario") ?? throw new RunException($"{folder}: the run has no 'scenario' entry.");
        var seed = EventLog.ReadMeta(connection, "seed");
        var scenario = ScenarioLoader.Load(Path.Combine(folder, path));
        return seed is null ? scenario : scenario with { Seed = int.Parse(seed, CultureInfo.InvariantCulture) };
    }

    private static async Task<RunResult> RunWithProgressAsync(IAnsiConsole console, HeadlessRun run, CancellationToken cancel)
    {
        RunResult? result = null;
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"{run.Town.Scenario.Name}", maxValue: run.TotalSteps);
                task.Value = run.Town.Clock.Step;
                var progress = new Progress<RunProgress>(p =>
                {
                    task.Value = p.Step;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{run.Town.Scenario.Name} {p.GameTime:ddd MM-dd HH:mm} {p.StepsPerSecond,7:F0} steps/s");
                });
                result = await run.RunAsync(progress, cancel);
                task.Value = run.TotalSteps;
            });
        return result!;
    }

    private static TimeSpan? ParseHours(double? hours) => hours switch
    {
        null => null,
        <= 0 or double.NaN or double.PositiveInfinity => throw new CliUsageException($"--hours must be a positive number of game hours; got {hours}."),
        _ => TimeSpan.FromHours(hours.Value),
    };

    private static string Slug(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray();
        var slug = new string(chars).Trim('-');
        return slug.Length == 0 ? "run" : slug;
    }
}
