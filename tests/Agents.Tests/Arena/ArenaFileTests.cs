using Agents.Arena;

namespace Agents.Tests.Arena;

public sealed class ArenaFileTests
{
    private static string Write(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"arena-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, relative)))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new FileNotFoundException(relative), relative);
    }

    [Fact]
    public void The_shipped_arithmetic_arena_loads_with_every_strategy()
    {
        var (spec, mind) = ArenaFile.Load(RepoFile("scenarios/arena/arithmetic.yaml"));

        Assert.Equal("arithmetic", spec.Name);
        Assert.Equal(1000, spec.BootstrapRounds);
        Assert.Equal("simulated", mind.Kind);
        Assert.Equal(BootstrapUnit.Items, spec.BootstrapUnit);
        Assert.Equal(["arithmetic", "product", "multihop"], spec.TaskSets.Select(t => t.Generator.Kind));
        Assert.Equal(
            ["direct", "few-shot", "chain-of-thought", "self-consistency@5", "react+tools", "debate 3x2", "adversarial debate", "agentverse vertical"],
            spec.Strategies.Select(s => s.Name));
    }

    [Theory]
    [InlineData("name: x\ntasks:\n  - kind: algebra\nstrategies: [direct]\n", ":3:5: expected task kind")]
    [InlineData("name: x\ntasks:\n  - kind: arithmetic\n    count: many\nstrategies: [direct]\n", ":4:12: expected 'count' to be a whole number")]
    [InlineData("name: x\ntasks:\n  - kind: arithmetic\nstrategies: [direct, telepathy]\n", ":4:22: expected a strategy among")]
    [InlineData("name: x\nstrategies: [direct]\n", ":1:1: expected a list 'tasks'")]
    [InlineData("name: [x\n", "not valid YAML")]
    [InlineData("name: x\ntasks:\n  - kind: arithmetic\nstrategies: [direct, direct]\n", "appears twice")]
    public void Bad_arena_files_name_the_place_and_the_expectation(string yaml, string message)
    {
        var path = Write(yaml);
        try
        {
            var error = Assert.Throws<ArenaFileException>(() => ArenaFile.Load(path));
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
            Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
