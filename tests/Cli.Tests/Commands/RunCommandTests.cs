using Agents.World.Events;
using Agents.World.Runs;

namespace Agents.Cli.Tests.Commands;

public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_writes_a_run_folder_and_prints_the_log_hash()
    {
        using var temp = new TempFolder();
        var (exit, output, error) = await CliHarness.RunAsync("run", CliHarness.Scenario("tiny.yaml"), "--hours", "3", "--out", temp["run"]);

        Assert.True(exit == 0, error);
        var hash = EventLog.ReadMeta(EventLog.OpenReadOnly(temp["run/run.sqlite"]), "hash");
        Assert.Contains($"Event log hash: {hash}", output);
        Assert.True(File.Exists(temp["run/report.md"]));
        Assert.NotEmpty(Directory.GetFiles(temp["run/snapshots"]));
        Assert.True(File.Exists(temp["run/scenario/tiny.yaml"]));
    }

    [Fact]
    public async Task A_run_killed_with_sigkill_resumes_to_the_hash_of_an_uninterrupted_run()
    {
        using var temp = new TempFolder();
        var whole = await CliHarness.RunAsync("run", CliHarness.Scenario("tiny.yaml"), "--hours", "24", "--out", temp["whole"], "--quiet");
        Assert.True(whole.Exit == 0, whole.Err);

        using (var process = CliHarness.Start("run", CliHarness.Scenario("tiny.yaml"), "--hours", "24", "--out", temp["killed"], "--quiet"))
        {
            // Wait until the run has committed steps past its first snapshots, then kill it without warning.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (LastStep(temp["killed"]) < 1500 && !process.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }

            Assert.False(process.HasExited, "the run finished before it could be killed: " + await process.StandardError.ReadToEndAsync());
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var (exit, output, error) = await CliHarness.RunAsync("run", "--resume", temp["killed"], "--quiet");
        Assert.True(exit == 0, error);
        Assert.Contains($"Event log hash: {Hash(temp["whole"])}", output);
        Assert.Equal(Hash(temp["whole"]), Hash(temp["killed"]));
    }

    [Fact]
    public async Task A_missing_scenario_file_exits_2_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var (exit, _, error) = await CliHarness.RunAsync("run", temp["nope.yaml"], "--out", temp["run"]);

        Assert.Equal(2, exit);
        Assert.Contains("nope.yaml", error);
        Assert.False(Directory.Exists(temp["run"]));
    }

    [Fact]
    public async Task A_malformed_scenario_exits_2_names_the_line_and_writes_nothing()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["bad.yaml"], "name: Bad\nseed: [1, 2\n");
        var (exit, _, error) = await CliHarness.RunAsync("run", temp["bad.yaml"], "--out", temp["run"]);

        Assert.Equal(2, exit);
        Assert.Contains("bad.yaml:", error);
        Assert.DoesNotContain("   at ", error);
        Assert.False(Directory.Exists(temp["run"]));
    }

    [Fact]
    public async Task A_second_run_into_the_same_folder_needs_force()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, (await CliHarness.RunAsync("run", CliHarness.Scenario("tiny.yaml"), "--hours", "1", "--out", temp["run"], "--quiet")).Exit);
        var before = Hash(temp["run"]);

        var (exit, _, error) = await CliHarness.RunAsync("run", CliHarness.Scenario("tiny.yaml"), "--hours", "12", "--out", temp["run"], "--quiet");
        Assert.Equal(2, exit);
        Assert.Contains("--force", error);
        Assert.Equal(before, Hash(temp["run"]));

        Assert.Equal(0, (await CliHarness.RunAsync("run", CliHarness.Scenario("tiny.yaml"), "--hours", "12", "--out", temp["run"], "--quiet", "--force")).Exit);
        Assert.NotEqual(before, Hash(temp["run"]));
    }

    [Theory]
    [InlineData("run", "--hours", "-3")]
    [InlineData("run", "--until", "tomorrow")]
    [InlineData("run", "--hours", "2", "--until", "2023-02-13 10:00")]
    [InlineData("run", "--bogus")]
    [InlineData("run")]
    public async Task Bad_arguments_exit_2_with_a_message(params string[] args)
    {
        using var temp = new TempFolder();
        var full = args.Length > 1 && args[1] != "--bogus"
            ? [args[0], CliHarness.Scenario("tiny.yaml"), "--out", temp["run"], .. args[1..]]
            : args;
        var (exit, _, error) = await CliHarness.RunAsync(full);

        Assert.Equal(2, exit);
        Assert.StartsWith("error:", error);
        Assert.False(Directory.Exists(temp["run"]));
    }

    [Fact]
    public async Task Resume_of_a_folder_that_is_not_a_run_exits_2()
    {
        using var temp = new TempFolder();
        var (exit, _, error) = await CliHarness.RunAsync("run", "--resume", temp.Path);

        Assert.Equal(2, exit);
        Assert.Contains("not a run folder", error);
    }

    [Fact]
    public async Task Help_explains_every_option_of_run()
    {
        var (exit, output, _) = await CliHarness.RunAsync("run", "--help");

        Assert.Equal(0, exit);
        foreach (var option in new[] { "--hours", "--until", "--out", "--seed", "--force", "--resume" })
        {
            var line = output.Split('\n').Single(l => l.TrimStart().StartsWith(option, StringComparison.Ordinal) || l.Contains($", {option}", StringComparison.Ordinal));
            Assert.True(line.Trim().Length > option.Length + 10, $"no description for {option}: '{line}'");
        }
    }

    private static long LastStep(string folder)
    {
        try
        {
            using var connection = EventLog.OpenReadOnly(Path.Combine(folder, RunFolder.DatabaseName));
            return long.TryParse(EventLog.ReadMeta(connection, "last_step"), out var step) ? step : -1;
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            return -1;
        }
    }

    private static string? Hash(string folder)
    {
        using var connection = EventLog.OpenReadOnly(Path.Combine(folder, RunFolder.DatabaseName));
        return EventLog.ComputeHash(connection);
    }
}
