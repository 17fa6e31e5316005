using System.Text.Json;

namespace Agents.Cli.Tests.Commands;

public sealed class DistillCommandTests
{
    [Fact]
    public async Task Distill_writes_deduplicated_chat_jsonl_with_a_held_out_split()
    {
        using var temp = new TempFolder();

        var (exit, output, error) = await CliHarness.RunAsync(
            "distill", CliHarness.Scenario("tiny.yaml"), "--hours", "12", "--seeds", "2", "--held-out", "0.2", "--out", temp["data.jsonl"]);

        Assert.True(exit == 0, error);
        var train = File.ReadAllLines(temp["data.jsonl"]);
        var heldOut = File.ReadAllLines(temp["data.heldout.jsonl"]);
        var all = train.Concat(heldOut).ToList();
        Assert.True(all.Count > 20, output);
        Assert.Equal(Math.Round(all.Count * 0.2), heldOut.Length);
        Assert.Equal(all.Count, all.Distinct().Count());
        foreach (var line in all)
        {
            using var document = JsonDocument.Parse(line);
            var roles = document.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()).ToArray();
            Assert.Equal("system,user,assistant", string.Join(",", roles));
            Assert.False(string.IsNullOrEmpty(document.RootElement.GetProperty("decision").GetString()));
        }

        var again = await CliHarness.RunAsync("distill", CliHarness.Scenario("tiny.yaml"), "--out", temp["data.jsonl"]);
        Assert.Equal(2, again.Exit);
        Assert.Contains("--force", again.Err);
        Assert.Equal(train, File.ReadAllLines(temp["data.jsonl"]));
    }
}
