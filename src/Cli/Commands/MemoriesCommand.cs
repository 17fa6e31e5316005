using System.CommandLine;
using System.Globalization;
using Agents.Memory.Embeddings;
using Agents.Memory.Reflection;
using Agents.Memory.Retrieval;
using Agents.Memory.Storage;
using Agents.World.Runs;
using Spectre.Console;

namespace Agents.Cli.Commands;

/// <summary><c>agents memories</c>: what an agent of a run remembers, ranked as retrieval ranks it.</summary>
public static class MemoriesCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("run") { Description = "A run folder written by 'agents run'." };
        var agent = new Option<string>("--agent", "-a") { Description = "The agent whose memories to show (full name, as in the scenario).", Required = true };
        var query = new Option<string?>("--query", "-q") { Description = "Rank by relevance to this text too (without it, recency and importance decide)." };
        var at = new Option<string?>("--at") { Description = "Game time to retrieve at, e.g. \"2023-02-14 09:00\" (default: the agent's latest memory). Only memories made by then count." };
        var k = new Option<int>("--k", "-k") { Description = "How many memories to show.", DefaultValueFactory = _ => 30 };
        var tree = new Option<bool>("--tree") { Description = "Print the agent's reflection tree (reflections over the memories they cite) instead." };
        var command = new Command(
            "memories",
            "Show an agent's memories ranked by the paper's retrieval score (recency, importance, relevance; each min-max normalised), with the three scores and the total. Reading changes nothing in the run.")
        {
            folder, agent, query, at, k, tree,
        };
        command.SetAction(parse =>
        {
            var console = Terminal.For(parse);
            var run = RunFolder.OpenExisting(parse.GetValue(folder)!.FullName);
            if (parse.GetValue(k) <= 0)
            {
                throw new CliUsageException($"--k must be a positive number of memories; got {parse.GetValue(k)}.");
            }

            var bank = SqliteMemoryStore.Load(run.Database);
            var name = parse.GetValue(agent)!;
            if (!bank.TryGetStream(name, out var stream))
            {
                var known = bank.Owners.Count == 0 ? "this run has no memories yet" : "agents with memories: " + string.Join(", ", bank.Owners);
                throw new CliUsageException($"{run.Path}: no memories of '{name}' ({known}).");
            }

            if (parse.GetValue(tree))
            {
                console.Profile.Out.Writer.Write(ReflectionTree.Of(stream).ToText());
                return AgentsCommand.Ok;
            }

            var now = parse.GetValue(at) is { } atText ? GameTime.Parse(atText, "--at") : stream.LatestTime() ?? DateTime.MinValue;
            var text = parse.GetValue(query);
            float[] embedding = text is null ? [] : new HashingEmbedder(bank.Dimension).Embed(text);
            var ranked = stream.Rank(embedding, now, new RetrievalSettings(), parse.GetValue(k));
            var table = new Table()
                .AddColumn(new TableColumn("total").RightAligned())
                .AddColumn(new TableColumn("recency").RightAligned())
                .AddColumn(new TableColumn("importance").RightAligned())
                .AddColumn(new TableColumn("relevance").RightAligned())
                .AddColumn("kind")
                .AddColumn("created")
                .AddColumn("memory");
            foreach (var r in ranked)
            {
                table.AddRow(
                    F(r.Total), F(r.Recency), F(r.Importance), F(r.Relevance),
                    r.Memory.Kind.ToString().ToLowerInvariant(),
                    r.Memory.Created.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture),
                    Markup.Escape(r.Memory.Text));
            }

            console.MarkupLineInterpolated($"[bold]{name}[/], {stream.Count} memories, retrieved at {now:yyyy-MM-dd HH:mm}{(text is null ? "" : $" for \"{text}\"")}:");
            console.Write(table);
            return AgentsCommand.Ok;
        });
        return command;
    }

    private static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);
}
