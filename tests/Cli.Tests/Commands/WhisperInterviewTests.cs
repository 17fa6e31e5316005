using Agents.Memory.Storage;
using Agents.World.Events;
using Agents.World.Runs;

namespace Agents.Cli.Tests.Commands;

public sealed class WhisperInterviewTests
{
    [Fact]
    public async Task A_whispered_thought_is_remembered_answered_in_an_interview_and_kept_by_a_resume()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, (await CliHarness.RunAsync("run", CliHarness.Scenario("tiny.yaml"), "--hours", "6", "--out", temp["run"], "--quiet")).Exit);
        var before = await CliHarness.RunAsync("interview", temp["run"], "--agent", "Tom Moreno", "Who is running for mayor?");
        Assert.DoesNotContain("Sam Moore", before.Out);

        var whisper = await CliHarness.RunAsync("whisper", temp["run"], "--agent", "Tom Moreno", "Sam Moore is running for mayor of the town.");
        Assert.True(whisper.Exit == 0, whisper.Err);

        // The interview answers from the whispered memory and changes nothing in the run.
        var memoriesBefore = SqliteMemoryStore.Load(Path.Combine(temp["run"], RunFolder.DatabaseName)).Count;
        var hashBefore = Hash(temp["run"]);
        var (exit, output, error) = await CliHarness.RunAsync("interview", temp["run"], "--agent", "Tom Moreno", "Who is running for mayor?");
        Assert.True(exit == 0, error);
        Assert.Contains("Sam Moore", output);
        Assert.Equal(memoriesBefore, SqliteMemoryStore.Load(Path.Combine(temp["run"], RunFolder.DatabaseName)).Count);
        Assert.Equal(hashBefore, Hash(temp["run"]));

        // A resume goes on with the whispered memory in Tom's stream.
        var resumed = await CliHarness.RunAsync("run", "--resume", temp["run"], "--quiet");
        Assert.True(resumed.Exit == 0, resumed.Err);
        var tom = SqliteMemoryStore.Load(Path.Combine(temp["run"], RunFolder.DatabaseName)).ExistingStream("Tom Moreno");
        Assert.Contains(tom.All, m => m.Text.Contains("Sam Moore is running for mayor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Whispering_to_an_unknown_agent_exits_2()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, (await CliHarness.RunAsync("run", CliHarness.Scenario("tiny.yaml"), "--hours", "1", "--out", temp["run"], "--quiet")).Exit);

        var (exit, _, error) = await CliHarness.RunAsync("whisper", temp["run"], "--agent", "Nobody", "hello");

        Assert.Equal(2, exit);
        Assert.StartsWith("error:", error);
    }

    private static string Hash(string folder)
    {
        using var connection = EventLog.OpenReadOnly(Path.Combine(folder, RunFolder.DatabaseName));
        return EventLog.ComputeHash(connection);
    }
}
