using System.CommandLine;
using Agents.Memory;
using Agents.Memory.Embeddings;
using Agents.Memory.Storage;
using Agents.World.Events;
using Agents.World.Runs;
using Spectre.Console;

namespace Agents.Cli.Commands;

/// <summary><c>agents whisper</c>: puts a thought into an agent's memory; the run picks it up when it resumes.</summary>
public static class WhisperCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("run") { Description = "A run folder written by 'agents run' with a cognitive mind." };
        var text = new Argument<string>("text") { Description = "The thought to whisper, e.g. \"You are invited to the party at Hobbs Cafe\"." };
        var agent = new Option<string>("--agent") { Description = "The agent who hears it.", Required = true };
        var importance = new Option<int>("--importance") { Description = "Its importance, 1 to 10.", DefaultValueFactory = _ => 8 };
        var command = new Command("whisper", "Add a thought to an agent's memory before the run resumes (agents run --resume RUN).")
        {
            folder, text, agent, importance,
        };
        command.SetAction(parse =>
        {
            var console = Terminal.For(parse);
            var path = parse.GetValue(folder)!.FullName;
            var name = parse.GetValue(agent)!;
            var words = parse.GetValue(text)!.Trim();
            var weight = parse.GetValue(importance);
            if (weight is < 1 or > 10)
            {
                throw new CliUsageException($"--importance must be between 1 and 10; got {weight}.");
            }

            if (words.Length == 0)
            {
                throw new CliUsageException("Give the text to whisper.");
            }

            var run = RunFolder.OpenExisting(path);
            var scenario = RunCommand.ScenarioOfRun(run.Path);
            if (scenario.FindAgent(name) is null)
            {
                throw new CliUsageException($"No agent named '{name}' in {run.Path}; agents: {string.Join(", ", scenario.Agents.Select(a => a.Name))}.");
            }

            using var log = EventLog.Open(run.Database);
            if (!RunHasMemories(log))
            {
                throw new CliUsageException($"{run.Path} is not a cognition run (it holds no memories); run it with --mind scripted, model or endpoint.");
            }

            // The run resumes from its latest usable snapshot and re-runs the steps after it, deleting what they
            // created; the thought is dated just before that snapshot so it survives and is known from then on.
            var last = log.LastCommittedStep;
            var from = new SnapshotStore(run.Snapshots).Steps().Where(s => s <= last + 1).DefaultIfEmpty(0).Max();
            var time = scenario.Start + (scenario.Step * from) - TimeSpan.FromSeconds(1);
            var bank = SqliteMemoryStore.Load(log.Connection, scenario.Memory.EmbeddingDimension);
            var embedder = new HashingEmbedder(scenario.Memory.EmbeddingDimension);
            var record = bank.Stream(name).Append(MemoryKind.Reflection, words, time, weight, embedder.Embed(words));
            using (var tx = log.Connection.BeginTransaction())
            {
                SqliteMemoryStore.SaveChanges(bank, tx);
                tx.Commit();
            }

            console.WriteLine($"Whispered to {name} (memory #{record.Id}, importance {weight}, {time:yyyy-MM-dd HH:mm:ss}). Resume the run with: agents run --resume {path}");
            return AgentsCommand.Ok;
        });
        return command;
    }

    private static bool RunHasMemories(EventLog log)
    {
        using var command = log.Connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'memories'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
