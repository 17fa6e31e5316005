using System.CommandLine;
using Agents.Runtime.Evaluation;
using Agents.Runtime.Inference;
using Agents.Runtime.Serving;
using Spectre.Console;

namespace Agents.Cli.Commands;

/// <summary><c>agents eval</c>: how closely a model follows its teacher on held-out decisions.</summary>
public static class EvalCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("model") { Description = "The model folder to evaluate (config.json, model.safetensors, tokenizer.json)." };
        var data = new Option<FileInfo>("--data") { Description = "Held-out decisions as chat JSONL, as 'agents distill' writes them (NAME.heldout.jsonl).", Required = true };
        var perType = new Option<int>("--per-type") { Description = "At most this many decisions of each type.", DefaultValueFactory = _ => 40 };
        var output = new Option<FileInfo?>("--out") { Description = "Also write the table to this Markdown file, and the figures as JSON beside it (.json)." };
        var device = new Option<string>("--device") { Description = "auto, cpu, cuda or cuda:N.", DefaultValueFactory = _ => "auto" };
        var threads = new Option<int>("--threads") { Description = "CPU threads for tensor work; 0 keeps torch's default.", DefaultValueFactory = _ => 0 };
        var command = new Command("eval", "Evaluate a model on held-out decisions: replies valid without constraints, exact agreement and word similarity with the teacher, and loss, per decision type.")
        {
            folder, data, perType, output, device, threads,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var console = Terminal.For(parse);
            if (parse.GetValue(perType) <= 0)
            {
                throw new CliUsageException($"--per-type: expected a positive number, got {parse.GetValue(perType)}.");
            }

            var examples = LabelledReply.Read(parse.GetValue(data)!.FullName);
            var report = await EvaluateAsync(console, parse.GetValue(folder)!.FullName, examples, new ReplyEvaluationOptions(PerType: parse.GetValue(perType)), parse.GetValue(device)!, parse.GetValue(threads), cancel);
            if (parse.GetValue(output) is { } file)
            {
                Write(report, file.FullName);
            }

            return AgentsCommand.Ok;
        });
        return command;
    }

    /// <summary>Loads the model, evaluates it with a progress bar, and prints the table.</summary>
    internal static async Task<ReplyEvaluationReport> EvaluateAsync(
        IAnsiConsole console, string model, IReadOnlyList<LabelledReply> examples, ReplyEvaluationOptions options, string device, int threads, CancellationToken cancel)
    {
        await using var host = await LocalModelHost.LoadAsync(model, new EngineOptions(Slots: 8), device, threads, cancellationToken: cancel);
        ReplyEvaluationReport? report = null;
        if (console.Profile.Capabilities.Interactive)
        {
            await console.Progress().AutoClear(true).StartAsync(async context =>
            {
                var task = context.AddTask("evaluating");
                report = await ReplyEvaluation.RunAsync(host, examples, options, (done, total) => { task.MaxValue = total; task.Value = done; }, cancel);
            });
        }
        else
        {
            report = await ReplyEvaluation.RunAsync(host, examples, options, cancellationToken: cancel);
        }

        console.WriteLine(report!.ToMarkdown());
        console.MarkupLineInterpolated($"Evaluated {report.Overall.Count} held-out decisions in {report.Elapsed.TotalSeconds:F0} s.");
        return report;
    }

    /// <summary>Writes the table (Markdown) and the figures (JSON beside it), each atomically.</summary>
    internal static void Write(ReplyEvaluationReport report, string markdownPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(markdownPath))!);
        WriteAtomically(markdownPath, report.ToMarkdown());
        WriteAtomically(Path.ChangeExtension(markdownPath, ".json"), report.ToJson());
    }

    private static void WriteAtomically(string path, string text)
    {
        File.WriteAllText(path + ".tmp", text);
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
