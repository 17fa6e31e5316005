using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Agents.World.Runs;
using Agents.World.Scenarios;
using Agents.World.Simulation;
using Spectre.Console;

namespace Agents.Cli.Commands;

/// <summary>
/// <c>agents distill</c>: runs a scenario with a teacher mind over several seeds and writes every decision as chat
/// JSONL, deduplicated, with a held-out split: the dataset the bundled model is fine-tuned on.
/// </summary>
public static class DistillCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var scenario = new Argument<FileInfo>("scenario") { Description = "The scenario to run, e.g. scenarios/smallville.yaml." };
        var teacher = new Option<string>("--teacher") { Description = "The teacher mind: scripted, or endpoint:URL (any OpenAI-compatible server).", DefaultValueFactory = _ => "scripted" };
        var hours = new Option<double>("--hours") { Description = "Game hours per seed.", DefaultValueFactory = _ => 24 };
        var seeds = new Option<int>("--seeds") { Description = "How many runs, with seeds 1..N: each seed varies routines' times, places and the teacher's wording.", DefaultValueFactory = _ => 3 };
        var output = new Option<FileInfo>("--out", "-o") { Description = "The dataset to write (chat JSONL); the held-out split goes beside it as NAME.heldout.jsonl.", Required = true };
        var heldOut = new Option<double>("--held-out") { Description = "Share of the decisions kept apart for evaluation.", DefaultValueFactory = _ => 0.1 };
        var force = new Option<bool>("--force") { Description = "Replace existing dataset files." };
        var plain = new Option<bool>("--no-variations") { Description = "Run every seed on the scenario as written. By default seeds after the first run a variation: the start moved by up to 6 hours, routines shifted by up to 45 minutes with neighbouring activities sometimes swapped, ages and one trait per agent changed." };
        var command = new Command("distill", "Record a teacher mind's decisions over several seeded runs of a scenario as chat JSONL (deduplicated, with a held-out split), for 'agents train --sft'.")
        {
            scenario, teacher, hours, seeds, output, heldOut, force, plain,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var console = Terminal.For(parse);
            var n = parse.GetValue(seeds);
            var share = parse.GetValue(heldOut);
            var span = parse.GetValue(hours);
            if (n <= 0 || span <= 0 || share is < 0 or >= 1)
            {
                throw new CliUsageException($"--seeds and --hours must be positive and --held-out in [0, 1); got {n}, {span}, {share}.");
            }

            var train = parse.GetValue(output)!.FullName;
            var test = Path.ChangeExtension(train, null) + ".heldout.jsonl";
            if (!parse.GetValue(force) && (File.Exists(train) || File.Exists(test)))
            {
                throw new CliUsageException($"{(File.Exists(train) ? train : test)} exists; pass --force to replace it.");
            }

            var choice = parse.GetValue(teacher)!;
            if (choice is not ("scripted" or "endpoint") && !choice.StartsWith("endpoint:", StringComparison.Ordinal))
            {
                throw new CliUsageException($"--teacher: expected scripted or endpoint:URL; got '{choice}'.");
            }

            var loaded = ScenarioLoader.Load(parse.GetValue(scenario)!.FullName);
            await DistillAsync(console, loaded, choice, span, n, !parse.GetValue(plain), share, train, test, cancel);
            return AgentsCommand.Ok;
        });
        return command;
    }

    /// <summary>
    /// Runs <paramref name="loaded"/> with the teacher over seeds 1..<paramref name="seeds"/> (later seeds on variations
    /// when <paramref name="vary"/>), deduplicates the decisions and writes the training and held-out files atomically.
    /// </summary>
    internal static async Task DistillAsync(
        IAnsiConsole console, Scenario loaded, string choice, double hours, int seeds, bool vary, double share, string train, string test, CancellationToken cancel)
    {
        var work = Directory.CreateTempSubdirectory("agents-distill-").FullName;
        try
        {
            var lines = new List<string>();
            for (var seed = 1; seed <= seeds; seed++)
            {
                var seeded = (seed == 1 || !vary ? loaded : ScenarioVariation.Vary(loaded, seed)) with { Seed = seed };
                var recordPath = Path.Combine(work, $"seed-{seed}.jsonl");
                await using (var owned = new RunCommand.Owned(recordPath))
                {
                    var behavior = RunCommand.CreateBehavior(choice, seeded, owned);
                    using var run = HeadlessRun.Create(seeded, Path.Combine(work, $"run-{seed}"), new RunOptions(Seed: seed, Duration: TimeSpan.FromHours(hours)), behavior);
                    var result = await run.RunAsync(null, cancel);
                    console.MarkupLineInterpolated($"seed {seed}: {result.Steps} steps in {result.WallTime.TotalSeconds:F1} s");
                }

                lines.AddRange(File.ReadLines(recordPath));
            }

            var (kept, duplicates) = Deduplicate(lines);
            var random = new SeededRandom(loaded.Seed);
            var order = kept.OrderBy(_ => random.NextUInt64()).ToList();
            var heldCount = (int)Math.Round(order.Count * share);
            WriteAtomically(test, order.Take(heldCount));
            WriteAtomically(train, order.Skip(heldCount));
            var byType = kept.GroupBy(DecisionType).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kept.Count} decisions ({duplicates} duplicates dropped): {order.Count - heldCount} in {train}, {heldCount} in {test}."));
            console.WriteLine("By type: " + string.Join(", ", byType));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Drops decisions whose prompt and reply were already seen (the same situation recurs across seeds).</summary>
    private static (List<string> Kept, int Duplicates) Deduplicate(IEnumerable<string> lines)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<string>();
        var duplicates = 0;
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            var messages = document.RootElement.GetProperty("messages");
            var key = string.Join("\u0001", messages.EnumerateArray().Skip(1).Select(m => m.GetProperty("content").GetString()));
            if (seen.Add(key))
            {
                kept.Add(line);
            }
            else
            {
                duplicates++;
            }
        }

        return (kept, duplicates);
    }

    private static string DecisionType(string line)
    {
        using var document = JsonDocument.Parse(line);
        return document.RootElement.TryGetProperty("decision", out var type) ? type.GetString() ?? "?" : "?";
    }

    private static void WriteAtomically(string path, IEnumerable<string> lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllLines(temp, lines);
        File.Move(temp, path, overwrite: true);
    }
}
