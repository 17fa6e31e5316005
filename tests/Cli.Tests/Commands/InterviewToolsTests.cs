namespace Agents.Cli.Tests.Commands;

/// <summary><c>agents interview --tools</c>: ReAct over the town at the run's last snapshot and the agent's memories.</summary>
public sealed class InterviewToolsTests
{
    [Fact]
    public async Task An_interview_with_tools_looks_the_answer_up_in_the_town_as_the_run_left_it()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, (await CliHarness.RunAsync("run", CliHarness.Scenario("tiny.yaml"), "--hours", "10", "--out", temp["run"], "--quiet")).Exit);

        var (exit, output, error) = await CliHarness.RunAsync("interview", temp["run"], "--agent", "Tom Moreno", "--tools", "Where is Jane Moreno now?");

        Assert.True(exit == 0, error);
        Assert.Contains("The town at 2023-02-13", output);
        Assert.Contains("Action 1: WhereIs[Jane Moreno]", output);
        var observed = System.Text.RegularExpressions.Regex.Match(output, @"Observation 1: (Jane Moreno is (?:at [^ (\n]+[^(\n]*|outside)[^\n]*)");
        Assert.True(observed.Success, output);
        Assert.Contains("Tom Moreno: " + observed.Groups[1].Value.Trim(), output);

        var who = await CliHarness.RunAsync("interview", temp["run"], "--agent", "Tom Moreno", "--tools", "Who is at Rodriguez House?");
        Assert.True(who.Exit == 0, who.Err);
        Assert.Contains("Action 1: WhoIsAt[Rodriguez House]", who.Out);
        Assert.Matches(@"Observation 1: (At Rodriguez House: |Nobody is at Rodriguez House)", who.Out);
    }

    [Fact]
    public async Task Search_opens_what_the_agent_remembers_of_a_person()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, (await CliHarness.RunAsync("run", CliHarness.Scenario("tiny.yaml"), "--hours", "10", "--out", temp["run"], "--quiet")).Exit);

        var (exit, output, error) = await CliHarness.RunAsync("interview", temp["run"], "--agent", "Tom Moreno", "--tools", "What do you know about Jane Moreno?");

        Assert.True(exit == 0, error);
        Assert.Contains("Action 1: Search[Jane Moreno]", output);
        Assert.Matches(@"Observation 1: [^\n]*Jane", output);
        Assert.DoesNotContain("Could not find", output);
    }

    [Fact]
    public async Task A_step_limit_below_one_is_refused()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, (await CliHarness.RunAsync("run", CliHarness.Scenario("tiny.yaml"), "--hours", "1", "--out", temp["run"], "--quiet")).Exit);

        var (exit, _, error) = await CliHarness.RunAsync("interview", temp["run"], "--agent", "Tom Moreno", "--tools", "--steps", "0", "Where is Jane Moreno?");

        Assert.Equal(2, exit);
        Assert.Contains("--steps", error);
    }
}
