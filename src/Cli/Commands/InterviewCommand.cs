using System.CommandLine;
using Agents.Decisions;
using Agents.Memory.Embeddings;
using Agents.Memory.Retrieval;
using Agents.Memory.Storage;
using Agents.World.Events;
using Agents.World.Runs;
using Spectre.Console;

namespace Agents.Cli.Commands;

/// <summary><c>agents interview</c>: asks an agent of a run a question; it answers in character from its memories, changing nothing.</summary>
public static class InterviewCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("run") { Description = "A run folder written by 'agents run' with a cognitive mind." };
        var question = new Argument<string>("question") { Description = "The question, e.g. \"Who is running for mayor?\"." };
        var agent = new Option<string>("--agent") { Description = "The agent to interview.", Required = true };
        var mind = new Option<string?>("--mind") { Description = "Who answers: scripted or endpoint:URL (default: the run's mind)." };
        var verbose = new Option<bool>("--memories") { Description = "Also print the memories retrieved for the answer, with their scores." };
        var tools = new Option<bool>("--tools")
        {
            Description = "Answer by ReAct with the town's tools instead: WhereIs and WhoIsAt over the town at the run's last snapshot, Now, and Search/Lookup over the agent's memories. Prints the Thought / Action / Observation trace. The scripted teacher plays it; the bundled model was not trained on these tools.",
        };
        var steps = new Option<int?>("--steps") { Description = "With --tools: the ReAct step limit (default 7)." };
        var command = new Command("interview", "Ask an agent a question; it answers from its retrieved memories without changing the run.")
        {
            folder, question, agent, mind, verbose, tools, steps,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var console = Terminal.For(parse);
            var run = RunFolder.OpenExisting(parse.GetValue(folder)!.FullName);
            var scenario = RunCommand.ScenarioOfRun(run.Path);
            var name = parse.GetValue(agent)!;
            var spec = scenario.FindAgent(name)
                ?? throw new CliUsageException($"No agent named '{name}' in {run.Path}; agents: {string.Join(", ", scenario.Agents.Select(a => a.Name))}.");
            var text = parse.GetValue(question)!.Trim();
            if (text.Length == 0)
            {
                throw new CliUsageException("Give a question to ask.");
            }

            string choice;
            using (var connection = EventLog.OpenReadOnly(run.Database))
            {
                choice = parse.GetValue(mind) ?? EventLog.ReadMeta(connection, "mind") ?? scenario.Mind.Kind;
            }

            if (choice == "routine")
            {
                choice = "scripted";
            }

            var bank = SqliteMemoryStore.Load(run.Database, scenario.Memory.EmbeddingDimension);
            var stream = bank.ExistingStream(name);
            if (parse.GetValue(tools))
            {
                var limit = parse.GetValue(steps) ?? 7;
                if (limit < 1)
                {
                    throw new CliUsageException($"--steps: expected a step limit of at least 1; got {limit}.");
                }

                if (parse.GetValue(verbose))
                {
                    throw new CliUsageException("--memories goes without --tools: with tools the agent searches its memories itself, and the trace shows what it found.");
                }

                return await AnswerWithToolsAsync(console, run, scenario, spec, text, choice, [.. stream.All.Select(m => m.Text)], limit, cancel);
            }

            if (parse.GetValue(steps) is { } stray)
            {
                throw new CliUsageException($"--steps {stray} goes with --tools.");
            }

            var embedder = new HashingEmbedder(scenario.Memory.EmbeddingDimension);
            var memory = scenario.Memory;
            var settings = new RetrievalSettings(memory.RecencyWeight, memory.ImportanceWeight, memory.RelevanceWeight, memory.RecencyDecay, memory.TopK);
            var now = stream.LatestTime() ?? scenario.Start;

            // Rank, not Retrieve: an interview must not touch last-access times.
            var ranked = stream.Rank(embedder.Embed(text), now, settings, 8);
            var decision = new InterviewDecision(name, $"{spec.Age}, {string.Join(", ", spec.Traits)}. {spec.Situation}", text, [.. ranked.Select(r => MemoryLines.Format(r.Memory.Importance, r.Memory.Text))]);
            await using var owned = new RunCommand.Owned(recordPath: null);
            var replies = await RunCommand.CreateMind(choice, scenario, owned).AnswerAsync([decision], cancel);
            var answer = decision.Resolve(replies[0].Text);
            if (parse.GetValue(verbose))
            {
                foreach (var r in ranked)
                {
                    console.WriteLine(r.Describe());
                }
            }

            console.WriteLine($"{name}: {answer.Value}");
            return AgentsCommand.Ok;
        });
        return command;
    }

    private static async Task<int> AnswerWithToolsAsync(
        IAnsiConsole console, RunFolder run, World.Scenarios.Scenario scenario, World.Scenarios.AgentSpec spec, string question, string choice, IReadOnlyList<string> memories, int steps, CancellationToken cancel)
    {
        var store = new SnapshotStore(run.Snapshots);
        var saved = store.Steps();
        if (saved.Count == 0)
        {
            throw new CliUsageException($"{run.Snapshots}: expected a snapshot of the town for --tools, found none; the run may not have saved one yet.");
        }

        var town = World.Simulation.Town.Restore(scenario, store.Read(saved[^1]));
        var instruction = $"You are {spec.Name}, {spec.Age}, {string.Join(", ", spec.Traits)}. Answer the question in character. "
            + "WhereIs and WhoIsAt show the town as it is now; Search opens what you remember of a person or place. Finish with Finish[answer].";
        await using var owned = new RunCommand.Owned(recordPath: null);
        var agent = new Agents.Tools.ReActAgent(
            RunCommand.CreateMind(choice, scenario, owned), Agents.Tools.TownTools.For(town, memories), new Agents.Tools.ReActOptions(steps, Agent: spec.Name, Instruction: instruction, GroundedFinish: false));
        var result = await agent.RunAsync(question, cancel);
        console.WriteLine($"The town at {town.Clock.Now:yyyy-MM-dd HH:mm}:");
        foreach (var turn in result.Transcript.Turns)
        {
            console.WriteLine($"  {turn.Text}");
        }

        console.WriteLine($"{spec.Name}: {(result.Answer.Length > 0 ? result.Answer : "(no answer)")}{(result.Forced ? $" (finish forced: {result.Transcript.StopReason})" : string.Empty)}");
        return AgentsCommand.Ok;
    }
}
