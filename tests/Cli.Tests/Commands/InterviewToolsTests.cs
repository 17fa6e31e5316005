using System.Text.RegularExpressions;

namespace Agents.Cli.Tests.Commands;

/// <summary><c>agents interview --tools</c>: ReAct over the town at the run's last snapshot and the agent's memories.</summary>
public sealed class InterviewToolsTests(InterviewToolsTests.TinyRun tiny) : IClassFixture<InterviewToolsTests.TinyRun>
{
    [Fact]
    public async Task WhereIs_looks_the_answer_up_in_the_town_as_the_run_left_it()
    {
        var (exit, output, error) = await CliHarness.RunAsync("interview", tiny.Folder, "--agent", "Tom Moreno", "--tools", "Where is Jane Moreno now?");

        Assert.True(exit == 0, error);
        Assert.Contains("The town at 2023-02-13", output);
        Assert.Contains("Action 1: WhereIs[Jane Moreno]", output);
        var observed = Regex.Match(output, @"Observation 1: (Jane Moreno is (?:at [^ (\n]+[^(\n]*|outside)[^\n]*)");
        Assert.True(observed.Success, output);
        Assert.Contains("Tom Moreno: " + observed.Groups[1].Value.Trim(), output);
    }

    [Fact]
    public async Task WhoIsAt_lists_who_is_in_a_sector()
    {
        var (exit, output, error) = await CliHarness.RunAsync("interview", tiny.Folder, "--agent", "Tom Moreno", "--tools", "Who is at Rodriguez House?");

        Assert.True(exit == 0, error);
        Assert.Contains("Action 1: WhoIsAt[Rodriguez House]", output);
        Assert.Matches(@"Observation 1: (At Rodriguez House: |Nobody is at Rodriguez House)", output);
    }

    [Fact]
    public async Task Search_opens_what_the_agent_remembers_of_a_person()
    {
        var (exit, output, error) = await CliHarness.RunAsync("interview", tiny.Folder, "--agent", "Tom Moreno", "--tools", "What do you know about Jane Moreno?");

        Assert.True(exit == 0, error);
        Assert.Contains("Action 1: Search[Jane Moreno]", output);
        Assert.Matches(@"Observation 1: [^\n]*Jane", output);
        Assert.DoesNotContain("Could not find", output);
    }

    [Fact]
    public async Task A_step_limit_below_one_or_options_that_do_not_go_together_exit_2()
    {
        var zero = await CliHarness.RunAsync("interview", tiny.Folder, "--agent", "Tom Moreno", "--tools", "--steps", "0", "Where is Jane Moreno?");
        var stray = await CliHarness.RunAsync("interview", tiny.Folder, "--agent", "Tom Moreno", "--steps", "3", "Where is Jane Moreno?");
        var both = await CliHarness.RunAsync("interview", tiny.Folder, "--agent", "Tom Moreno", "--tools", "--memories", "Where is Jane Moreno?");

        Assert.Equal((2, true), (zero.Exit, zero.Err.Contains("--steps: expected a step limit of at least 1; got 0", StringComparison.Ordinal)));
        Assert.Equal((2, true), (stray.Exit, stray.Err.Contains("--steps 3 goes with --tools", StringComparison.Ordinal)));
        Assert.Equal((2, true), (both.Exit, both.Err.Contains("--memories goes without --tools", StringComparison.Ordinal)));
    }

    /// <summary>One run of tiny.yaml to 10:00 on the first day, shared by the tests (interviews change nothing in it).</summary>
    public sealed class TinyRun : IAsyncLifetime
    {
        private readonly TempFolder _temp = new();

        public string Folder => _temp["run"];

        public async Task InitializeAsync() =>
            Assert.Equal(0, (await CliHarness.RunAsync("run", CliHarness.Scenario("tiny.yaml"), "--hours", "10", "--out", Folder, "--quiet")).Exit);

        public Task DisposeAsync()
        {
            _temp.Dispose();
            return Task.CompletedTask;
        }
    }
}
