using System.CommandLine;
using System.Text;
using System.Text.Json;
using Agents.Arena;
using Agents.Collaboration;
using Agents.Collaboration.AgentVerse;
using Agents.Collaboration.ChatDev;
using Agents.Collaboration.Programs;
using Agents.Minds;
using Spectre.Console;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Agents.Cli.Commands;

/// <summary>
/// <c>agents chain FILE --task TEXT</c> (also <c>agents team</c>): runs a collaboration protocol from its YAML, a
/// ChatDev chat chain (roles, phases) or an AgentVerse setup (experts, structure, execute), told apart by the file's
/// keys. It prints what happened, the files or the solution, and for a function spec the program's ChatDev quality
/// and hidden tests; it saves the transcript as JSONL, the files (with the chain's documents, e.g. requirements.txt and
/// manual.md) and a summary in the output folder.
/// </summary>
public static class ChainCommand
{
    private static readonly JsonSerializerOptions Lines = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] ChainKeys = ["roles", "phases"];
    private static readonly string[] TeamKeys = ["experts", "structure", "max-turns", "critic-rounds", "success-score", "execute", "prompts"];

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A ChatDev chain (e.g. scenarios/arena/chatdev-software.yaml) or an AgentVerse setup (e.g. scenarios/arena/agentverse-software.yaml)." };
        var task = new Option<string?>("--task") { Description = "The task, as text. A function spec's text (\"Write the Mini function f(x): it ...\") is also scored on its hidden tests." };
        var function = new Option<string?>("--function") { Description = $"Instead of --task: the spec of this function, with constants drawn from --seed ({string.Join(", ", FunctionSpecTasks.AllFunctions)})." };
        var seed = new Option<int>("--seed") { Description = "Seed of the --function spec's constants and of the stand-in mind.", DefaultValueFactory = _ => 0 };
        var mind = new Option<string?>("--mind") { Description = "Who plays every role: simulated (the rule-based stand-in, the default; also 'stand-in'), model (a model folder run by the bundled runtime) or endpoint:URL (an OpenAI-compatible server)." };
        var model = new Option<string?>("--model") { Description = "With --mind model: the model folder (default models/default). With an endpoint: the model name." };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Folder for transcript.jsonl, the files and result.json (default: runs/chain-<name>-<date-time>)." };
        var command = new Command("chain", "Run a ChatDev chat chain or an AgentVerse team from its YAML on one task; print the phases or turns, the files or solution and, for a function spec, its quality and hidden tests.")
        {
            file, task, function, seed, mind, model, output,
        };
        command.Aliases.Add("team");
        command.SetAction(async (parse, cancel) =>
        {
            var console = Terminal.For(parse);
            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"No chain or AgentVerse file at {path}.", path);
            }

            // Everything is checked before anything is written.
            var isChain = IsChain(path);
            var chain = isChain ? ChatChainFile.Load(path) : null;
            var team = isChain ? null : AgentVerseFile.Load(path);
            var (text, spec) = ReadTask(parse.GetValue(task), parse.GetValue(function), parse.GetValue(seed));
            if (team is { Execution: ExecutionKind.Program } && spec is null)
            {
                throw new CliUsageException($"{path}: 'execute: program' runs a function's tests; give --function NAME or a function spec's text as --task.");
            }

            var choice = parse.GetValue(mind) ?? "simulated";
            await using var owned = new RunCommand.Owned(null);
            var (player, description) = await ArenaCommand.CreateMindAsync(choice == "stand-in" ? "simulated" : choice, parse.GetValue(model), new ArenaMindSpec(Seed: parse.GetValue(seed)), "mind", owned, cancel);
            var name = Path.GetFileNameWithoutExtension(path);
            var folder = parse.GetValue(output)?.FullName ?? Path.Combine("runs", $"chain-{name}-{DateTime.Now:yyyyMMdd-HHmmss}");
            Directory.CreateDirectory(folder);
            console.MarkupLineInterpolated($"{(isChain ? "ChatDev chain" : "AgentVerse team")} [bold]{name}[/], mind {description}.");
            console.MarkupLineInterpolated($"Task: {text}");
            var tally = new MindTally();
            var run = isChain
                ? await RunChainAsync(console, chain!, text, spec, player, tally, folder, cancel)
                : await RunTeamAsync(console, team!, text, spec, player, tally, folder, cancel);
            var summary = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["kind"] = isChain ? "chatdev" : "agentverse",
                ["file"] = path,
                ["task"] = text,
                ["mind"] = description,
                ["calls"] = tally.Calls,
                ["tokens"] = tally.Tokens,
            };
            foreach (var (key, value) in run.Where(r => r.Key != "answer"))
            {
                summary[key] = value;
            }

            if (spec is not null)
            {
                var score = spec.Score(run["answer"] as string);
                console.MarkupLineInterpolated($"Hidden tests of {spec.Signature}: {score}");
                summary["score"] = new { quality = score.Quality, completeness = score.Completeness, executability = score.Executability, consistency = score.Consistency, hidden_passed = score.Tests.Passed, hidden_total = FunctionSpec.HiddenTestCount, report = score.Tests.Text };
            }

            await File.WriteAllTextAsync(Path.Combine(folder, "result.json"), JsonSerializer.Serialize(summary, new JsonSerializerOptions(Lines) { WriteIndented = true }), cancel);
            console.MarkupLineInterpolated($"Cost: {tally.Calls} calls, {tally.Tokens} tokens.");
            console.MarkupLineInterpolated($"Transcript: {Path.Combine(folder, "transcript.jsonl")}");
            console.MarkupLineInterpolated($"Summary: {Path.Combine(folder, "result.json")}");
            return AgentsCommand.Ok;
        });
        return command;
    }

    /// <summary>
    /// True when <paramref name="path"/> holds a chat chain (roles or phases), false for an AgentVerse setup (any of its
    /// keys); a file that is neither is the user's to fix, and bad YAML is reported by the chain loader.
    /// </summary>
    internal static bool IsChain(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException)
        {
            return true;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return true;
        }

        var keys = root.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty).ToList();
        if (keys.Intersect(ChainKeys).Any())
        {
            return true;
        }

        if (keys.Intersect(TeamKeys).Any())
        {
            return false;
        }

        throw new CliUsageException(
            $"{path}:{root.Start.Line}:{root.Start.Column}: expected a ChatDev chain (keys {string.Join(", ", ChainKeys)}) or an AgentVerse setup (keys {string.Join(", ", TeamKeys)}); found keys {(keys.Count == 0 ? "none" : string.Join(", ", keys))}.");
    }

    private static (string Text, FunctionSpec? Spec) ReadTask(string? task, string? function, int seed)
    {
        if ((task is null) == (function is null))
        {
            throw new CliUsageException("Give the task: either --task TEXT or --function NAME.");
        }

        if (function is not null)
        {
            if (!FunctionSpecTasks.AllFunctions.Contains(function, StringComparer.Ordinal))
            {
                throw new CliUsageException($"--function {function}: expected one of {string.Join(", ", FunctionSpecTasks.AllFunctions)}.");
            }

            var created = FunctionSpecTasks.Create(function, new Random(seed));
            return (created.Brief, created);
        }

        var text = task!.Trim();
        if (text.Length == 0)
        {
            throw new CliUsageException("--task is empty.");
        }

        return (text, FunctionSpec.TryRead(text, out var spec) ? spec : null);
    }

    private static async Task<Dictionary<string, object?>> RunChainAsync(
        IAnsiConsole console, ChatChain chain, string task, FunctionSpec? spec, IMind mind, MindTally tally, string folder, CancellationToken cancel)
    {
        // The tester runs the visible example; the hidden tests score the result afterwards.
        var tester = spec is null ? null : new MiniTester([spec.Example]);
        var result = await chain.RunAsync(task, mind, tally, tester, cancel);
        var table = new Table().AddColumns("#", "phase", "turns", "outcome");
        for (var i = 0; i < result.Phases.Count; i++)
        {
            var phase = result.Phases[i];
            var outcome = phase.Skipped is { } why ? $"skipped: {why}"
                : $"{(phase.Files is { Count: > 0 } written ? $"wrote {string.Join(", ", written.Keys)}; " : string.Empty)}{(phase.Document is { } document ? $"wrote {document.Key}; " : string.Empty)}{(phase.Tests is { } t ? $"tests {t.Passed}/{t.Total}; " : string.Empty)}concluded: {Short(phase.Conclusion ?? "(none)")}";
            table.AddRow($"{i + 1}", Markup.Escape(phase.Phase), $"{phase.Transcript.Turns.Count}", Markup.Escape(outcome));
        }

        console.Write(table);
        var files = Path.Combine(folder, "files");
        if (result.Files.Count == 0)
        {
            console.MarkupLine("No files: no phase wrote a code block.");
        }

        // The documents (requirements.txt, manual.md) lie beside the code, as in ChatDev's project folder.
        foreach (var (name, content) in result.Files.Concat(result.Documents).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var target = Path.GetFullPath(Path.Combine(files, name));
            if (!target.StartsWith(Path.GetFullPath(files) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                // A file name from a reply must not write outside the folder.
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllTextAsync(target, content, cancel);
            console.MarkupLineInterpolated($"[bold]{name}[/] ({Path.Combine("files", name)}):");
            console.WriteLine(content.TrimEnd('\n'));
        }

        if (result.Tests is { } visible)
        {
            console.MarkupLineInterpolated($"Visible example: {visible.Text.Split('\n')[0]}");
        }

        await using (var writer = new StreamWriter(Path.Combine(folder, "transcript.jsonl"), false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            for (var i = 0; i < result.Phases.Count; i++)
            {
                foreach (var turn in result.Phases[i].Transcript.Turns)
                {
                    await writer.WriteLineAsync(JsonSerializer.Serialize(new { phase = result.Phases[i].Phase, step = i + 1, index = turn.Index, round = turn.Round, speaker = turn.Speaker, text = turn.Text }, Lines));
                }
            }
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["phases"] = result.Phases.Select(p => new { phase = p.Phase, turns = p.Transcript.Turns.Count, conclusion = p.Conclusion, skipped = p.Skipped, tests = p.Tests?.Text, files = p.Files?.Keys, document = p.Document?.Key }).ToList(),
            ["files"] = result.Files.Keys.Order(StringComparer.Ordinal).ToList(),
            ["documents"] = result.Documents.Keys.Order(StringComparer.Ordinal).ToList(),
            ["visible_tests"] = result.Tests?.Text,
            ["answer"] = result.Files.Count == 0 ? null : CodeBlocks.Render(result.Files),
        };
    }

    private static async Task<Dictionary<string, object?>> RunTeamAsync(
        IAnsiConsole console, AgentVerseConfig config, string task, FunctionSpec? spec, IMind mind, MindTally tally, string folder, CancellationToken cancel)
    {
        var executor = config.CreateExecutor(spec is null ? null : [spec.Example]);
        var team = new AgentVerseTeam(mind, config.Options, tally);
        var result = await team.RunAsync(task, executor, cancel);
        var table = new Table().AddColumns("turn", "experts", "execution", "score", "advice");
        for (var i = 0; i < result.Turns; i++)
        {
            var execution = result.Executions[i] == ExecutionResult.None ? string.Empty : result.Executions[i].Report.Split('\n')[0];
            table.AddRow(
                $"{i + 1}",
                Markup.Escape(string.Join("; ", result.Experts[i])),
                Markup.Escape(execution.Length == 0 ? "-" : Short(execution)),
                $"{result.Evaluations[i].Score}",
                Markup.Escape(Short(result.Evaluations[i].Advice)));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"{(result.Success ? "The evaluator accepted the solution" : "The turns ran out")} after {result.Turns} turn(s). Solution:");
        console.WriteLine(result.Solution);
        TranscriptFile.Write(result.Transcript, Path.Combine(folder, "transcript.jsonl"));
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["success"] = result.Success,
            ["turns"] = result.Turns,
            ["evaluations"] = result.Evaluations.Select(e => new { score = e.Score, advice = e.Advice }).ToList(),
            ["executions"] = result.Executions.Select(e => e.Report).ToList(),
            ["solution"] = result.Solution,
            ["answer"] = result.Solution,
        };
    }

    private static string Short(string text)
    {
        var line = DebateLine(text);
        return line.Length <= 90 ? line : line[..87] + "...";
    }

    private static string DebateLine(string text) => string.Join(" / ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
