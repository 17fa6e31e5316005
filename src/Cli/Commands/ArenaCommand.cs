using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Agents.Arena;
using Agents.Cli.Reporting;
using Agents.Minds;
using Agents.Runtime.Inference;
using Agents.Runtime.Serving;
using Spectre.Console;

namespace Agents.Cli.Commands;

/// <summary>
/// <c>agents arena</c>: plays prompt strategies against each other on generated tasks and prints a leaderboard (open-ended
/// items judged side by side by <c>--judge</c>, the file's judge, or the playing mind); with
/// <c>--evolve</c> improves one strategy's instruction (OPRO); with <c>--curriculum</c> writes the programmatic
/// solvers' traces as chat JSONL.
/// </summary>
public static class ArenaCommand
{
    // Strategy names such as "react+tools" stay readable in the files.
    private static readonly JsonSerializerOptions Lines = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The arena file (YAML), e.g. scenarios/arena/arithmetic.yaml." };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Folder for the plot, answers and evolution history (default: runs/arena-<name>-<date-time>)." };
        var mind = new Option<string?>("--mind")
        {
            Description = "Who plays: simulated (rule-based stand-in), model (a model folder run by the bundled runtime, replies constrained to each decision's shape) or endpoint:URL (an OpenAI-compatible server). Default: the file's mind.",
        };
        var model = new Option<string?>("--model") { Description = "With --mind model: the model folder (default: the file's mind.model, else models/default). With an endpoint: the model name." };
        var judge = new Option<string?>("--judge")
        {
            Description = "Who judges open-ended items (slogans) side by side: simulated, model or endpoint:URL, as --mind. Default: the file's judge, else the playing mind.",
        };
        var judgeModel = new Option<string?>("--judge-model") { Description = "With --judge model: the judge's model folder (default: the file's judge.model, else models/default). With an endpoint judge: the model name." };
        var seed = new Option<int?>("--seed") { Description = "Seed of items and bootstrap (default: the file's seed)." };
        var bootstrap = new Option<int?>("--bootstrap") { Description = "Bootstrap rounds for the 95% intervals (default: the file's, else 1000)." };
        var evolve = new Option<string?>("--evolve")
        {
            Description = "Improve one strategy's instruction OPRO-style instead of playing the arena: --evolve [STRATEGY] (default: the file's evolve.strategy, else the first strategy with an instruction).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var curriculum = new Option<FileInfo?>("--curriculum") { Description = "Write the programmatic solvers' chain-of-thought and ReAct traces to this chat JSONL file (one line per decision) instead of playing." };
        var count = new Option<int?>("--count") { Description = "With --curriculum: items per task set (default: the file's counts)." };
        var temperature = new Option<double?>("--temperature") { Description = "The playing model's sampling temperature, 0 for greedy (default: the file's mind.temperature, else 0.7). The simulated mind ignores it." };
        var command = new Command("arena", "Play prompt strategies (direct, few-shot, chain-of-thought, self-consistency, ReAct with tools, debate) and protocols (AgentVerse, ChatDev) on the same generated items; print Bradley-Terry ratings with 95% intervals, Elo, accuracy and cost (and program quality on function specs); plot the ratings.")
        {
            file, output, mind, model, judge, judgeModel, seed, bootstrap, evolve, curriculum, count, temperature,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var console = Terminal.For(parse);
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"No arena file at {path}.", path);
            }

            var (spec, mindSpec, judgeSpec) = ArenaFile.Load(path);
            spec = spec with
            {
                Seed = parse.GetValue(seed) ?? spec.Seed,
                BootstrapRounds = parse.GetValue(bootstrap) is { } rounds ? (rounds >= 0 ? rounds : throw new CliUsageException("--bootstrap must be 0 or more.")) : spec.BootstrapRounds,
            };
            if (parse.GetValue(temperature) is { } heat)
            {
                mindSpec = heat is >= 0 and <= 10 ? mindSpec with { Temperature = heat } : throw new CliUsageException($"--temperature: expected a number from 0 to 10; got {heat}.");
            }

            var evolving = parse.GetResult(evolve) is not null;
            var curriculumFile = parse.GetValue(curriculum);
            if (evolving && curriculumFile is not null)
            {
                throw new CliUsageException("Give either --evolve or --curriculum, not both.");
            }

            if (parse.GetValue(count) is { } perSet && curriculumFile is null)
            {
                throw new CliUsageException($"--count {perSet} goes with --curriculum.");
            }

            var judgeChoice = parse.GetValue(judge);
            if (judgeChoice is not null && (evolving || curriculumFile is not null))
            {
                throw new CliUsageException($"--judge {judgeChoice} goes with playing the arena; --evolve and --curriculum judge nothing.");
            }

            if (parse.GetValue(judgeModel) is { } named && judgeChoice is null && judgeSpec is null)
            {
                throw new CliUsageException($"--judge-model {named} goes with --judge (or a judge in the arena file).");
            }

            if (curriculumFile is not null)
            {
                return await WriteCurriculumAsync(console, spec, curriculumFile.FullName, parse.GetValue(count), cancel);
            }

            var strategy = evolving ? EvolvedStrategy(spec, parse.GetValue(evolve)) : null;
            await using var owned = new RunCommand.Owned(null);
            var (player, description) = await CreateMindAsync(parse.GetValue(mind), parse.GetValue(model), mindSpec, "mind", owned, cancel);
            var (judgeMind, judgeDescription) = strategy is null && (judgeChoice is not null || judgeSpec is not null)
                ? await CreateMindAsync(judgeChoice, parse.GetValue(judgeModel), judgeSpec ?? new ArenaMindSpec(Seed: mindSpec.Seed, Temperature: ArenaFile.JudgeTemperature), "judge", owned, cancel)
                : (null, "the playing mind");
            var folder = parse.GetValue(output)?.FullName ?? Path.Combine("runs", $"arena-{spec.Name}-{DateTime.Now:yyyyMMdd-HHmmss}");
            Directory.CreateDirectory(folder);
            if (strategy is not null)
            {
                return await EvolveAsync(console, spec, strategy, player, description, folder, cancel);
            }

            console.MarkupLineInterpolated($"Arena [bold]{spec.Name}[/]: {spec.Strategies.Count} strategies, {spec.TaskSets.Sum(t => t.Count)} items, mind {description}{(judgeMind is null ? string.Empty : $", judge {judgeDescription}")}.");
            foreach (var set in spec.TaskSets)
            {
                if (set.Generator is FunctionSpecTasks functions && set.Count > functions.DistinctSpecs)
                {
                    console.MarkupLineInterpolated(
                        $"Note: the function task set asks for {set.Count} items but its functions ({string.Join(", ", (functions.Functions ?? FunctionSpecTasks.AllFunctions).Distinct())}) give only {functions.DistinctSpecs} distinct spec{(functions.DistinctSpecs == 1 ? string.Empty : "s")}; after {functions.DistinctSpecs} items the specs repeat, each up to {(set.Count + functions.DistinctSpecs - 1) / functions.DistinctSpecs} times.");
                }
            }

            var result = await ArenaRunner.RunAsync(spec, player, judgeMind, null, cancel);
            console.Write(Leaderboard(result));
            var plotPath = Path.Combine(folder, "ratings.png");
            ArenaPlot.Save(result, plotPath);
            WriteAnswers(result, Path.Combine(folder, "answers.jsonl"));
            WriteCalls(result, Path.Combine(folder, "calls.jsonl"));
            console.MarkupLineInterpolated($"Ratings: Bradley-Terry MLE (400 scale, mean 1000), {spec.BootstrapRounds} bootstrap rounds over {(spec.BootstrapUnit == BootstrapUnit.Items ? "items" : "battles")}; Elo: online, K=4.");
            if (result.Programs is not null)
            {
                console.MarkupLineInterpolated($"Function items: an answer is correct when its program passes all {FunctionSpec.HiddenTestCount} hidden tests; program quality is ChatDev's completeness x executability x consistency (0-1), hidden tests the mean share passed.");
            }

            if (result.JudgeCalls > 0)
            {
                console.MarkupLineInterpolated($"Open-ended items: judged side by side in both orders by {(judgeMind is null ? "the same mind" : $"the judge, {judgeDescription}")} ({result.JudgeCalls} judge calls, not in the strategies' calls); a verdict that flips with the order is a tie.");
            }

            if (judgeMind is not null && !result.Items.Any(i => i.Judged))
            {
                console.MarkupLine("The judge had nothing to judge: the arena has no open-ended items (kind slogan); every item has ground truth.");
            }

            console.MarkupLineInterpolated($"Plot: {plotPath}");
            console.MarkupLineInterpolated($"Answers: {Path.Combine(folder, "answers.jsonl")}");
            console.MarkupLineInterpolated($"Calls (every prompt and the raw reply to it, per item and strategy): {Path.Combine(folder, "calls.jsonl")}");
            return AgentsCommand.Ok;
        });
        return command;
    }

    private static Table Leaderboard(ArenaResult result)
    {
        var judged = result.Leaderboard.Any(s => s.JudgedScore is not null);
        var programs = result.Leaderboard.Any(s => s.ProgramQuality is not null);
        var table = new Table().AddColumns("#", "strategy", "rating", "95% interval", "Elo", "accuracy");
        if (judged)
        {
            table.AddColumn("side by side");
        }

        if (programs)
        {
            table.AddColumns("program quality", "hidden tests");
        }

        table.AddColumns("calls", "tokens", "wall time");
        var rank = 0;
        foreach (var score in result.Leaderboard)
        {
            var r = score.Rating;
            var cells = new List<string>
            {
                (++rank).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(score.Strategy),
                r.Value.ToString("F0", CultureInfo.InvariantCulture),
                $"{r.Lower.ToString("F0", CultureInfo.InvariantCulture)} - {r.Upper.ToString("F0", CultureInfo.InvariantCulture)}",
                r.Elo.ToString("F0", CultureInfo.InvariantCulture),
                score.Items == 0 ? "n/a" : $"{score.Accuracy.ToString("P0", CultureInfo.InvariantCulture)} ({score.Correct}/{score.Items})",
            };
            if (judged)
            {
                cells.Add(score.JudgedScore is { } s ? s.ToString("P0", CultureInfo.InvariantCulture) : "n/a");
            }

            if (programs)
            {
                cells.Add(score.ProgramQuality is { } q ? q.ToString("F2", CultureInfo.InvariantCulture) : "n/a");
                cells.Add(score.HiddenPassRate is { } h ? h.ToString("P0", CultureInfo.InvariantCulture) : "n/a");
            }

            cells.Add(score.Calls.ToString(CultureInfo.InvariantCulture));
            cells.Add(score.Tokens.ToString(CultureInfo.InvariantCulture));
            cells.Add($"{score.WallTime.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} s");
            table.AddRow(cells.ToArray());
        }

        return table;
    }

    private static IInstructedStrategy EvolvedStrategy(ArenaSpec spec, string? named)
    {
        var name = named ?? spec.Evolution?.Strategy;
        var instructed = spec.Strategies.OfType<IInstructedStrategy>().ToList();
        if (name is null)
        {
            return instructed.FirstOrDefault()
                ?? throw new CliUsageException($"--evolve: the arena has no strategy with an instruction (direct, few-shot, chain-of-thought, self-consistency, react); it has {string.Join(", ", spec.Strategies.Select(s => s.Name))}.");
        }

        return instructed.FirstOrDefault(s => s.Name == name)
            ?? throw new CliUsageException($"--evolve {name}: expected one of the arena's strategies with an instruction: {string.Join(", ", instructed.Select(s => s.Name))}.");
    }

    private static async Task<int> EvolveAsync(IAnsiConsole console, ArenaSpec spec, IInstructedStrategy strategy, IMind player, string description, string folder, CancellationToken cancel)
    {
        var options = spec.Evolution ?? new EvolutionOptions();
        console.MarkupLineInterpolated($"Evolving the instruction of [bold]{strategy.Name}[/] (OPRO): {options.Steps} steps of {options.Candidates} candidates, each scored on {options.TrainItems} training items; mind {description} (also the optimiser).");
        var historyPath = Path.Combine(folder, "evolution.jsonl");
        EvolutionResult result;
        await using (var history = new StreamWriter(historyPath) { NewLine = "\n" })
        {
            result = await PromptEvolution.RunAsync(
                strategy,
                spec.TaskSets,
                spec.Seed,
                player,
                player,
                options,
                scored =>
                {
                    history.WriteLine(JsonSerializer.Serialize(new { step = scored.Step, score = scored.Score, instruction = scored.Instruction }, Lines));
                    history.Flush();
                    console.MarkupLineInterpolated($"  step {scored.Step}: {scored.Score.ToString("P0", CultureInfo.InvariantCulture),4}  {scored.Instruction}");
                },
                cancel);
        }

        var table = new Table().AddColumns("instruction", "training", "held-out");
        table.AddRow("start: " + Markup.Escape(result.Start.Instruction), result.Start.Score.ToString("P0", CultureInfo.InvariantCulture), result.StartTestScore.ToString("P0", CultureInfo.InvariantCulture));
        table.AddRow("best: " + Markup.Escape(result.Best.Instruction), result.Best.Score.ToString("P0", CultureInfo.InvariantCulture), result.BestTestScore.ToString("P0", CultureInfo.InvariantCulture));
        console.Write(table);
        var summaryPath = Path.Combine(folder, "evolution.json");
        await File.WriteAllTextAsync(
            summaryPath,
            JsonSerializer.Serialize(
                new
                {
                    strategy = result.Strategy,
                    start = result.Start.Instruction,
                    start_train = result.Start.Score,
                    start_test = result.StartTestScore,
                    best = result.Best.Instruction,
                    best_train = result.Best.Score,
                    best_test = result.BestTestScore,
                    gain = result.Gain,
                    test_items = result.TestItems,
                    scored = result.History.Count,
                },
                new JsonSerializerOptions(Lines) { WriteIndented = true }),
            cancel);
        console.MarkupLineInterpolated($"Gain on {result.TestItems} held-out items: {(result.Gain * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture)} points ({result.StartTestScore.ToString("P0", CultureInfo.InvariantCulture)} -> {result.BestTestScore.ToString("P0", CultureInfo.InvariantCulture)}).");
        console.MarkupLineInterpolated($"History: {historyPath}");
        console.MarkupLineInterpolated($"Summary: {summaryPath}");
        return AgentsCommand.Ok;
    }

    private static async Task<int> WriteCurriculumAsync(IAnsiConsole console, ArenaSpec spec, string path, int? count, CancellationToken cancel)
    {
        if (count is < 1)
        {
            throw new CliUsageException($"--count must be 1 or more; got {count}.");
        }

        var sets = count is { } n ? spec.TaskSets.Select(s => s with { Count = n }).ToList() : spec.TaskSets;

        // Not the arena's own items: a model trained on the curriculum is then tested on items it has not seen.
        var seed = unchecked((spec.Seed * 31) + 303);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
        var temp = path + ".tmp";
        CurriculumSummary summary;
        await using (var writer = new StreamWriter(temp) { NewLine = "\n" })
        {
            summary = await ArenaCurriculum.WriteAsync(sets, spec.Strategies, seed, spec.Examples, writer, cancel);
        }

        File.Move(temp, path, overwrite: true);
        console.MarkupLineInterpolated($"Curriculum of [bold]{spec.Name}[/]: {summary.Lines} decisions from {summary.Items} items (seed {seed}, not the arena's items), strategies {string.Join(", ", summary.Strategies)}.");
        foreach (var (type, lines) in summary.ByDecision)
        {
            console.MarkupLineInterpolated($"  {type}: {lines}");
        }

        if (summary.Dropped > 0)
        {
            console.MarkupLineInterpolated($"  {summary.Dropped} items left out: no strategy of the curriculum solves them (multi-hop needs react).");
        }

        console.MarkupLineInterpolated($"Written: {path}");
        return AgentsCommand.Ok;
    }

    /// <summary>
    /// The mind named by <paramref name="choice"/> (simulated, model, endpoint:URL; null for <paramref name="spec"/>'s),
    /// with what it is in words; a loaded model is added to <paramref name="owned"/>. <paramref name="role"/> ("mind" or
    /// "judge") names the options and the file's key in error messages (--mind and --model, or --judge and --judge-model).
    /// </summary>
    internal static async Task<(IMind Mind, string Description)> CreateMindAsync(string? choice, string? model, ArenaMindSpec spec, string role, RunCommand.Owned owned, CancellationToken cancel)
    {
        var modelOption = role == "mind" ? "--model" : $"--{role}-model";
        var kind = choice ?? (spec.Kind == "endpoint" ? "endpoint:" + (spec.Endpoint ?? string.Empty) : spec.Kind);
        if (kind == "simulated")
        {
            return (new SimulatedSolverMind(spec.Seed), "simulated (rule-based stand-in, not a model)");
        }

        if (kind == "model")
        {
            var folder = Path.GetFullPath(model ?? (spec.Kind == "model" ? spec.Model : null) ?? Path.Combine("models", "default"));
            if (!File.Exists(Path.Combine(folder, "config.json")))
            {
                throw new CliUsageException(
                    $"--{role} model: no model folder (config.json, model.safetensors, tokenizer.json) at {folder}. " +
                    $"Give {modelOption} FOLDER or {role}.model in the arena file, train one with 'agents train' (e.g. on 'agents arena FILE --curriculum'), or use --{role} simulated.");
            }

            var host = await LocalModelHost.LoadAsync(folder, new EngineOptions(Slots: ArenaRunner.ItemsInFlight), device: "auto", threads: 0, cancellationToken: cancel);
            owned.Add(host);
            var options = new ModelMindOptions(Temperature: spec.Temperature, Seed: spec.Seed, ConstrainReplies: true);
            return (new ModelMind(host.ChatClient, options), $"model {folder} (bundled runtime, constrained replies)");
        }

        if (kind.StartsWith("endpoint:", StringComparison.Ordinal))
        {
            var url = kind["endpoint:".Length..];
            if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw new CliUsageException($"--{role} {kind}: expected endpoint:http://host:port/v1.");
            }

            var name = model ?? (spec.Kind == "endpoint" ? spec.Model : null) ?? throw new CliUsageException($"An endpoint {role} needs a model name: {modelOption} NAME or 'model' in the file's {role}.");
            var client = EndpointMind.CreateClient(endpoint, name, Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
            return (new ModelMind(client, new ModelMindOptions(Temperature: spec.Temperature, Seed: spec.Seed)), $"endpoint {endpoint} model {name}");
        }

        throw new CliUsageException($"--{role}: expected simulated, model or endpoint:URL; got '{kind}'.");
    }

    // One line per item and strategy: what the strategy asked and what the mind replied, in order.
    private static void WriteCalls(ArenaResult result, string path)
    {
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        foreach (var item in result.Items)
        {
            foreach (var (strategy, byItem) in result.Calls ?? new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyList<ArenaCall>>>())
            {
                var answer = result.Answers[strategy][item.Id];
                var calls = byItem[item.Id].Select(c => new { decision = c.Decision, prompt = c.Prompt, reply = c.Reply, model_calls = c.Calls });
                writer.WriteLine(JsonSerializer.Serialize(new { id = item.Id, strategy, answer, correct = item.Judged ? (bool?)null : item.IsCorrect(answer), calls }, Lines));
            }
        }
    }

    private static void WriteAnswers(ArenaResult result, string path)
    {
        using var writer = new StreamWriter(path) { NewLine = "\n" };
        foreach (var item in result.Items)
        {
            var answers = result.Answers.ToDictionary(a => a.Key, a => a.Value[item.Id]);
            var correct = item.Judged ? null : result.Answers.ToDictionary(a => a.Key, a => item.IsCorrect(a.Value[item.Id]));
            // Function items: each answer's program as ChatDev scores it, with the hidden tests it passed.
            var programs = result.Programs?.Where(p => p.Value.ContainsKey(item.Id)).ToDictionary(
                p => p.Key,
                p =>
                {
                    var x = p.Value[item.Id];
                    return new { quality = x.Quality, completeness = x.Completeness, executability = x.Executability, consistency = x.Consistency, hidden_passed = x.Tests.Passed, hidden_total = FunctionSpec.HiddenTestCount };
                });
            programs = programs is { Count: > 0 } ? programs : null;
            writer.WriteLine(JsonSerializer.Serialize(new { id = item.Id, kind = item.Kind, question = item.Question, truth = item.Answer, judged = item.Judged, answers, correct, programs }, Lines));
        }
    }
}
