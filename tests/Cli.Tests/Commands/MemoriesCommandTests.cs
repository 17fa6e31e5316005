using Agents.Memory;
using Agents.Memory.Embeddings;
using Agents.Memory.Reflection;
using Agents.Memory.Storage;
using Microsoft.Data.Sqlite;

namespace Agents.Cli.Tests.Commands;

public sealed class MemoriesCommandTests
{
    private static readonly DateTime Morning = new(2023, 2, 13, 8, 0, 0);

    /// <summary>A real run folder whose database also holds a few memories of Isabella.</summary>
    private static async Task<string> RunWithMemoriesAsync(TempFolder temp)
    {
        var folder = temp["run"];
        Assert.Equal(0, (await CliHarness.RunAsync("run", CliHarness.Scenario("tiny.yaml"), "--hours", "1", "--out", folder, "--quiet", "--mind", "routine")).Exit);

        var bank = new MemoryBank();
        var embedder = new HashingEmbedder(bank.Dimension);
        var stream = bank.Stream("Isabella Rodriguez");
        Add("Isabella is brewing coffee at the counter", Morning, 2);
        Add("Tom said the mayoral election is next month", Morning.AddHours(1), 7);
        var party = Add("Isabella is planning a Valentine's Day party", Morning.AddHours(2), 8);
        stream.Append(MemoryKind.Reflection, "Isabella cares about bringing the town together", Morning.AddHours(3), 6,
            embedder.Embed("Isabella cares about bringing the town together"), evidence: [party.Id]);

        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "run.sqlite")};Pooling=False");
        connection.Open();
        SqliteMemoryStore.EnsureSchema(connection);
        using var tx = connection.BeginTransaction();
        SqliteMemoryStore.SaveChanges(bank, tx);
        tx.Commit();
        return folder;

        MemoryRecord Add(string text, DateTime created, int importance) =>
            stream.Append(MemoryKind.Observation, text, created, importance, embedder.Embed(text));
    }

    [Fact]
    public async Task Memories_are_listed_with_their_three_scores_best_first()
    {
        using var temp = new TempFolder();
        var folder = await RunWithMemoriesAsync(temp);

        var (exit, output, error) = await CliHarness.RunAsync("memories", folder, "--agent", "Isabella Rodriguez", "--query", "Valentine's Day party");

        Assert.True(exit == 0, error);
        Assert.Contains("recency", output);
        Assert.Contains("importance", output);
        Assert.Contains("relevance", output);
        // At 11:00, by hand: recency 0.99^1 against 0.99^3..0.99^0 normalises to 0.663; importance 8 is the top (1),
        // and the query matches this memory best (relevance 1): total 2.663.
        var partyLine = output.Split('\n').Single(l => l.Contains("planning a Valentine", StringComparison.Ordinal));
        Assert.Matches(@"2\.663\s*│\s*0\.663\s*│\s*1\.000\s*│\s*1\.000", partyLine);
        var party = output.IndexOf("planning a Valentine", StringComparison.Ordinal);
        var coffee = output.IndexOf("brewing coffee", StringComparison.Ordinal);
        Assert.True(party >= 0 && coffee >= 0 && party < coffee, output);
    }

    [Fact]
    public async Task At_an_earlier_time_later_memories_are_not_shown()
    {
        using var temp = new TempFolder();
        var folder = await RunWithMemoriesAsync(temp);

        var (exit, output, _) = await CliHarness.RunAsync("memories", folder, "--agent", "Isabella Rodriguez", "--at", "2023-02-13 09:30");

        Assert.Equal(0, exit);
        Assert.Contains("brewing coffee", output);
        Assert.Contains("mayoral election", output);
        Assert.DoesNotContain("Valentine", output);
    }

    [Fact]
    public async Task Tree_prints_the_reflection_over_the_memory_it_cites()
    {
        using var temp = new TempFolder();
        var folder = await RunWithMemoriesAsync(temp);

        var (exit, output, _) = await CliHarness.RunAsync("memories", folder, "--agent", "Isabella Rodriguez", "--tree");

        Assert.Equal(0, exit);
        var reflection = output.IndexOf("bringing the town together", StringComparison.Ordinal);
        var evidence = output.IndexOf("planning a Valentine", StringComparison.Ordinal);
        Assert.True(reflection >= 0 && evidence > reflection, output);
    }

    [Theory]
    [InlineData("--agent", "Nobody Here")]
    [InlineData("--agent", "Isabella Rodriguez", "--at", "next tuesday")]
    [InlineData("--agent", "Isabella Rodriguez", "--k", "0")]
    public async Task Bad_arguments_exit_2_naming_the_problem(params string[] args)
    {
        using var temp = new TempFolder();
        var folder = await RunWithMemoriesAsync(temp);

        var (exit, _, error) = await CliHarness.RunAsync(["memories", folder, .. args]);

        Assert.Equal(2, exit);
        Assert.StartsWith("error:", error);
    }
}
