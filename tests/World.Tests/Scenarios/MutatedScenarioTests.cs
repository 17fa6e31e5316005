using Agents.World.Scenarios;
using CsCheck;

namespace Agents.World.Tests.Scenarios;

public sealed class MutatedScenarioTests
{
    private static readonly string[] Garbage =
    [
        "", "[", "{", "]", "}", "- x", "'", "\"", "@@", "123abc", "-1", "99999999999", "[1, 2, 3, 4, 5]",
        "{ a: b }", "~", "&a", "*a", "|", ">", "\t", "null", "1.5e400", ":", "a:b:c:d", "2023-02-30 25:61", "0s",
        "[0, 0]", "[-5, 900]", "\"Nowhere:at:all\"", "#", "%YAML", "!!int x",
    ];

    private static readonly string Tiny = File.ReadAllText(RepoPaths.Scenario("tiny.yaml"));

    [Fact]
    public void A_mutated_tiny_scenario_either_loads_or_fails_with_positioned_scenario_errors()
    {
        var mutation = Gen.Select(Gen.Int[0, 4], Gen.Int[0, 1_000_000], Gen.Int[0, 1_000_000]);
        var mutations = mutation.Array[1, 3];

        mutations.Sample(
            ops =>
            {
                var text = ops.Aggregate(Tiny, (current, op) => Apply(current, op.Item1, op.Item2, op.Item3));
                CheckLoadsOrFailsWithPositions(text);
            },
            iter: 300,
            print: ops => string.Join(", ", ops.Select(o => $"({o.Item1},{o.Item2},{o.Item3})")));
    }

    [Fact]
    public void Every_truncation_of_the_tiny_scenario_loads_or_fails_with_positioned_scenario_errors()
    {
        // Truncating at every 31st character (a prime, so cuts fall at varied places) covers cuts inside keys, values, flow lists, quotes and the grid block.
        for (var cut = 0; cut < Tiny.Length; cut += 31)
        {
            CheckLoadsOrFailsWithPositions(Tiny[..cut]);
        }
    }

    private static void CheckLoadsOrFailsWithPositions(string text)
    {
        var lineCount = text.Split('\n').Length;
        try
        {
            ScenarioLoader.Parse(text, ScenarioText.FileName);
        }
        catch (ScenarioException e)
        {
            Assert.NotEmpty(e.Errors);
            Assert.Contains(e.Errors, error => error.File == ScenarioText.FileName && error.Line >= 1 && error.Line <= lineCount);
            Assert.All(e.Errors, error =>
            {
                Assert.Equal(ScenarioText.FileName, error.File);
                Assert.InRange(error.Line, 1, lineCount);
                Assert.True(error.Column >= 1, error.ToString());
            });
        }
    }

    /// <summary>One mutation: delete a line, replace a value with garbage, duplicate a line (a duplicate key), truncate, or insert garbage.</summary>
    private static string Apply(string text, int kind, int a, int b)
    {
        var lines = text.Split('\n').ToList();
        var i = a % lines.Count;
        switch (kind)
        {
            case 0:
                lines.RemoveAt(i);
                break;
            case 1:
                var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
                lines[i] = colon < 0 ? Garbage[b % Garbage.Length] : lines[i][..(colon + 2)] + Garbage[b % Garbage.Length];
                break;
            case 2:
                lines.Insert(i, lines[i]);
                break;
            case 3:
                return text[..(a % (text.Length + 1))];
            default:
                var at = a % (text.Length + 1);
                return string.Concat(text.AsSpan(0, at), Garbage[b % Garbage.Length], text.AsSpan(at));
        }

        return string.Join('\n', lines);
    }
}
