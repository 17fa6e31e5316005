using System.Text.RegularExpressions;
using Agents.Cli.Commands;
using Agents.Runtime.Evaluation;
using Spectre.Console;

namespace Agents.Cli.Tests.Commands;

public sealed class TrainRecipeTests
{
    [Fact]
    public async Task Recipe_curricula_hold_well_formed_traces_of_every_playable_strategy_and_hold_out_other_items()
    {
        using var temp = new TempFolder();
        using var log = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(log) });

        await TrainRecipe.WriteCurriculaAsync(console, RepoPaths.Root, temp["arena.jsonl"], temp["arena.heldout.jsonl"], CancellationToken.None);
        Assert.Contains("reasoning.yaml", log.ToString(), StringComparison.Ordinal);

        var train = LabelledReply.Read(temp["arena.jsonl"]);
        var heldOut = LabelledReply.Read(temp["arena.heldout.jsonl"]);
        Assert.InRange(train.Count, TrainRecipe.ArenaScale * heldOut.Count * 0.8, TrainRecipe.ArenaScale * heldOut.Count * 1.2);
        Assert.Equal(["react step", "solve"], train.Select(r => r.Type).Distinct().Order(StringComparer.Ordinal));
        foreach (var reply in train.Concat(heldOut))
        {
            Assert.Matches(new Regex($"^(?:{reply.Shape})$"), reply.Reply);
        }

        // Chain-of-thought, tools and the direct answer are all taught; held-out questions are not training questions.
        Assert.Contains(train, r => r.Reply.Contains("Action 1: Calculate[", StringComparison.Ordinal));
        Assert.Contains(train, r => r.Reply.Contains(" = ", StringComparison.Ordinal) && r.Reply.Contains("Answer: ", StringComparison.Ordinal));
        Assert.Contains(train, r => r.Reply.StartsWith("Answer: ", StringComparison.Ordinal));
        var trainQuestions = train.Select(Question).ToHashSet(StringComparer.Ordinal);
        var unseen = heldOut.Select(Question).Distinct(StringComparer.Ordinal).Count(q => !trainQuestions.Contains(q));
        Assert.True(unseen >= heldOut.Select(Question).Distinct().Count() * 0.9, $"{unseen} held-out questions are unseen");
    }

    [Fact]
    public async Task Recipe_curricula_outside_the_repository_folder_name_the_missing_arena_file_and_write_nothing()
    {
        using var temp = new TempFolder();
        using var log = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(log) });

        var error = await Assert.ThrowsAsync<CliUsageException>(() => TrainRecipe.WriteCurriculaAsync(console, temp.Path, temp["arena.jsonl"], temp["arena.heldout.jsonl"], CancellationToken.None));

        Assert.Contains(Path.Combine(temp.Path, "scenarios/arena/arithmetic.yaml"), error.Message, StringComparison.Ordinal);
        Assert.Contains("run the recipe from the repository's folder", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    private static string Question(LabelledReply reply) =>
        reply.Prompt[^1].Content.Split('\n').FirstOrDefault(l => l.StartsWith("Question: ", StringComparison.Ordinal)) ?? string.Empty;
}
