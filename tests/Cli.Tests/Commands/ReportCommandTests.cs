namespace Agents.Cli.Tests.Commands;

public sealed class ReportCommandTests
{
    [Fact]
    public async Task Report_lists_agents_events_and_places()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, (await CliHarness.RunAsync("run", CliHarness.Scenario("tiny.yaml"), "--hours", "12", "--out", temp["run"], "--quiet")).Exit);

        var (exit, output, error) = await CliHarness.RunAsync("report", temp["run"]);

        Assert.True(exit == 0, error);
        var scenario = World.Scenarios.ScenarioLoader.Load(CliHarness.Scenario("tiny.yaml"));
        foreach (var agent in scenario.Agents)
        {
            Assert.Contains(agent.Name, output);
        }

        Assert.Contains("4320 steps", output);
        Assert.Contains("path", output);
        Assert.Contains(scenario.Agents[0].Home.Sector, output);
        Assert.Contains("per agent-hour", output);
        Assert.Contains("importance", output);
    }

    [Fact]
    public async Task Report_of_a_folder_that_is_not_a_run_exits_2()
    {
        using var temp = new TempFolder();
        var (exit, _, error) = await CliHarness.RunAsync("report", temp.Path);

        Assert.Equal(2, exit);
        Assert.Contains("not a run folder", error);
    }
}
