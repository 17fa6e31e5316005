using System.Text.Json;
using Agents.Runtime.Inference.Constraints;

namespace Agents.Cli.Tests.Commands;

/// <summary>The reply shapes the bundled model decodes under, compiled by the runtime's own regex engine, against what its teachers write.</summary>
public sealed class TeacherShapeTests
{
    [Fact]
    public async Task Every_reply_of_the_teachers_over_smallvilles_two_days_and_the_curricula_fits_its_shape_in_the_runtimes_regex_engine()
    {
        using var temp = new TempFolder();
        var distilled = await CliHarness.RunAsync("distill", CliHarness.Scenario("smallville.yaml"), "--hours", "48", "--seeds", "1", "--out", temp["town.jsonl"]);
        Assert.True(distilled.Exit == 0, distilled.Err);
        var written = await CliHarness.RunAsync("arena", CliHarness.Scenario("arena/reasoning.yaml"), "--curriculum", temp["arena.jsonl"], "--count", "6");
        Assert.True(written.Exit == 0, written.Err);

        var lines = new[] { "town.jsonl", "town.heldout.jsonl", "arena.jsonl" }.SelectMany(f => File.ReadAllLines(temp[f])).ToList();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var reply = root.GetProperty("messages")[2].GetProperty("content").GetString()!;
            var shape = root.GetProperty("shape").GetString()!;
            Assert.True(CharAutomaton.FromRegex(shape).Matches(reply), $"{root.GetProperty("decision").GetString()}: the shape\n{shape}\ndoes not accept\n{reply}");
            var type = root.GetProperty("decision").GetString()!;
            seen[type] = seen.GetValueOrDefault(type) + 1;
            if (type is "day_plan" or "hourly_schedule" && reply.Contains("the Valentine's Day party at Hobbs Cafe", StringComparison.Ordinal))
            {
                seen[type + " with the party"] = seen.GetValueOrDefault(type + " with the party") + 1;
            }
            else if (type == "react step" && reply.Contains("Finish[", StringComparison.Ordinal) && root.GetProperty("messages")[1].GetProperty("content").GetString()!.Contains("- Observation", StringComparison.Ordinal))
            {
                seen["grounded finish"] = seen.GetValueOrDefault("grounded finish") + 1;
            }
        }

        // The shapes that name the prompt's own contents were exercised where they matter: a plan for the party's day,
        // a schedule revised for it, and a finish after the tools answered.
        Assert.True(seen.GetValueOrDefault("day_plan with the party") > 0, string.Join(", ", seen));
        Assert.True(seen.GetValueOrDefault("hourly_schedule with the party") > 0, string.Join(", ", seen));
        Assert.True(seen.GetValueOrDefault("grounded finish") > 0, string.Join(", ", seen));
        Assert.True(seen.GetValueOrDefault("task_decomposition") > 100, string.Join(", ", seen));
    }
}
