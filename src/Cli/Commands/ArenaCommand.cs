using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Agents.Arena;
using Agents.Cli.Reporting;
using Agents.Minds;
using Spectre.Console;

namespace Agents.Cli.Commands;

/// <summary><c>agents arena</c>: plays prompt strategies against each other on generated tasks and prints a leaderboard.</summary>
public static class ArenaCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The arena file (YAML), e.g. scenarios/arena/arithmetic.yaml." };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Folder for the plot and answers (default: runs/arena-<name>-<date-time>)." };
        var mind = new Option<string?>("--mind") { Description = "Who plays: simulated (rule-based stand-in) or endpoint:URL (an OpenAI-compatible server). Default: the file's mind." };
        var model = new Option<string?>("--model") { Description = "The endpoint's model name (with --mind endpoint:URL)." };
        var seed = new Option<int?>("--seed") { Description = "Seed of items and bootstrap (default: the file's seed)." };
        var bootstrap = new Option<int?>("--bootstrap") { Description = "Bootstrap rounds for the 95% intervals (default: the file's, else 1000)." };
        var command = new Command("arena", "Play prompt strategies (direct, few-shot, chain-of-thought, self-consistency, ReAct with tools, debate) on the same generated items; print Bradley-Terry ratings with 95% intervals, Elo, accuracy and cost; plot the ratings.")
        {
            file, output, mind, model, seed, bootstrap,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var console = Terminal.For(parse);
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"No arena file at {path}.", path);
            }

            var (spec, mindSpec) = ArenaFile.Load(path);
            spec = spec with
            {
                Seed = parse.GetValue(seed) ?? spec.Seed,
                BootstrapRounds = parse.GetValue(bootstrap) is { } rounds ? (rounds >= 0 ? rounds : throw new CliUsageException("--bootstrap must be 0 or more.")) : spec.BootstrapRounds,
            };
            var (player, description) = CreateMind(parse.GetValue(mind), parse.GetValue(model), mindSpec);
            var folder = parse.GetValue(output)?.FullName ?? Path.Combine("runs", $"arena-{spec.Name}-{DateTime.Now:yyyyMMdd-HHmmss}");
            Directory.CreateDirectory(folder);

            console.MarkupLineInterpolated($"Arena [bold]{spec.Name}[/]: {spec.Strategies.Count} strategies, {spec.TaskSets.Sum(t => t.Count)} items, mind {description}.");
            var result = await ArenaRunner.RunAsync(spec, player, null, cancel);

            var table = new Table().AddColumns("#", "strategy", "rating", "95% interval", "Elo", "accuracy", "calls", "tokens", "wall time");
            var rank = 0;
            foreach (var score in result.Leaderboard)
            {
                var r = score.Rating;
                table.AddRow(
                    (++rank).ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(score.Strategy),
                    r.Value.ToString("F0", CultureInfo.InvariantCulture),
                    $"{r.Lower.ToString("F0", CultureInfo.InvariantCulture)} - {r.Upper.ToString("F0", CultureInfo.InvariantCulture)}",
                    r.Elo.ToString("F0", CultureInfo.InvariantCulture),
                    $"{score.Accuracy.ToString("P0", CultureInfo.InvariantCulture)} ({score.Correct}/{score.Items})",
                    score.Calls.ToString(CultureInfo.InvariantCulture),
                    score.Tokens.ToString(CultureInfo.InvariantCulture),
                    $"{score.WallTime.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} s");
            }

            console.Write(table);
            var plotPath = Path.Combine(folder, "ratings.png");
            ArenaPlot.Save(result, plotPath);
            WriteAnswers(result, Path.Combine(folder, "answers.jsonl"));
            console.MarkupLineInterpolated($"Ratings: Bradley-Terry MLE (400 scale, mean 1000), {spec.BootstrapRounds} bootstrap rounds over {(spec.BootstrapUnit == BootstrapUnit.Items ? "items" : "battles")}; Elo: online, K=4.");
            console.MarkupLineInterpolated($"Plot: {plotPath}");
            console.MarkupLineInterpolated($"Answers: {Path.Combine(folder, "answers.jsonl")}");
            return AgentsCommand.Ok;
        });
        return command;
    }

    private static (IMind Mind, string Description) CreateMind(string? choice, string? model, ArenaMindSpec spec)
    {
        var kind = choice ?? (spec.Kind == "endpoint" ? "endpoint:" + (spec.Endpoint ?? string.Empty) : spec.Kind);
        if (kind == "simulated")
        {
            return (new SimulatedSolverMind(spec.Seed), "simulated (rule-based stand-in, not a model)");
        }

        if (kind.StartsWith("endpoint:", StringComparison.Ordinal))
        {
            var url = kind["endpoint:".Length..];
            if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw new CliUsageException($"--mind {kind}: expected endpoint:http://host:port/v1.");
            }

            var name = model ?? spec.Model ?? throw new CliUsageException("An endpoint mind needs a model name: --model NAME or 'model' in the file's mind.");
            var client = EndpointMind.CreateClient(endpoint, name, Environment.GetEnvironmentVariable("OPENAI_API_KEY"));
            return (new ModelMind(client, new ModelMindOptions(Temperature: spec.Temperature, Seed: spec.Seed)), $"endpoint {endpoint} model {name}");
        }

        throw new CliUsageException($"--mind: expected simulated or endpoint:URL; got '{kind}'.");
    }

    private static void WriteAnswers(ArenaResult result, string path)
    {
        using var writer = new StreamWriter(path);
        foreach (var item in result.Items)
        {
            var answers = result.Answers.ToDictionary(a => a.Key, a => a.Value[item.Id]);
            writer.WriteLine(JsonSerializer.Serialize(new { id = item.Id, kind = item.Kind, question = item.Question, truth = item.Answer, answers }));
        }
    }
}
