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
    [InlineData("name: x\ntasks:\n  - kind: word\n    max-steps: 20\nstrategies: [direct]\n", ":3:5: expected 1 <= min-steps <= max-steps <= 8")]
    [InlineData("name: x\nmind: {kind: oracle}\ntasks:\n  - kind: arithmetic\nstrategies: [direct]\n", ":2:14: expected mind kind simulated, model, endpoint; found 'oracle'")]
    [InlineData("name: x\njudge: {kind: oracle}\ntasks:\n  - kind: slogan\nstrategies: [direct]\n", ":2:15: expected judge kind simulated, model, endpoint; found 'oracle'")]
    [InlineData("name: x\njudge: teacher\ntasks:\n  - kind: slogan\nstrategies: [direct]\n", ":2:8: expected judge to be 'simulated', 'model', 'endpoint' or a mapping with kind, seed, endpoint, model, temperature; found 'teacher'")]
    [InlineData("name: x\njudge: {kind: model, temperature: hot}\ntasks:\n  - kind: slogan\nstrategies: [direct]\n", ":2:35: expected judge temperature to be a number of at least 0; found 'hot'")]
    [InlineData("name: x\njudge: [simulated]\ntasks:\n  - kind: slogan\nstrategies: [direct]\n", ":2:8: expected judge to be 'simulated', 'model', 'endpoint' or a mapping")]
    [InlineData("name: x\ntasks:\n  - kind: arithmetic\nstrategies: [direct, debate]\nevolve: {strategy: debate}\n", ":5:20: expected evolve strategy to name one of this file's strategies with an instruction (direct)")]
    [InlineData("name: x\ntasks:\n  - kind: arithmetic\nstrategies: [direct]\nevolve: {steps: -1}\n", ":5:17: expected 'steps' to be a whole number of at least 0")]
    [InlineData("name: x\ntasks:\n  - {kind: function, functions: [gcd, sqrt]}\nstrategies: [direct]\n", ":3:39: expected a function among digit_sum, count_multiples")]
    [InlineData("name: x\ntasks:\n  - {kind: function, functions: gcd}\nstrategies: [direct]\n", ":3:33: expected 'functions' to be a non-empty list such as [digit_sum, gcd]")]
    [InlineData("name: x\ntasks:\n  - {kind: function}\nstrategies:\n  - chatdev: {chain: nowhere.yaml}\n", ":5:22: no chat chain file at ")]
    [InlineData("name: x\ntasks:\n  - kind: arithmetic\nstrategies:\n  - react: {grounded: maybe}\n", ":5:23: expected 'grounded' to be true or false; found 'maybe'")]
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

    [Fact]
    public void The_shipped_function_arena_loads_its_strategies_and_the_chain_beside_it()
    {
        var (spec, mind) = ArenaFile.Load(RepoFile("scenarios/arena/functions.yaml"));

        Assert.Equal(["function"], spec.TaskSets.Select(t => t.Generator.Kind));
        Assert.Equal("simulated", mind.Kind);
        Assert.Equal(["direct", "chain-of-thought", "self-consistency@5", "agentverse horizontal", "chatdev"], spec.Strategies.Select(s => s.Name));
        var chatdev = Assert.IsType<ChatDevStrategy>(spec.Strategies[^1]);
        Assert.Equal(Agents.Collaboration.ChatDev.ChatChainFile.Load(RepoFile("scenarios/arena/chatdev-software.yaml")).Steps.Count, chatdev.Chain.Steps.Count);
    }

    [Fact]
    public void A_function_task_set_may_list_its_functions_and_chatdev_its_chain_and_name()
    {
        var chain = RepoFile("scenarios/arena/chatdev-software.yaml");
        var path = Write($$"""
            name: x
            tasks:
              - {kind: function, count: 12, functions: [gcd, is_prime]}
            strategies:
              - chatdev: {chain: "{{chain}}", name: software-chain}
            """);
        try
        {
            var (spec, _) = ArenaFile.Load(path);

            var tasks = spec.TaskSets[0].Generator.Generate(12, new Random(1));
            Assert.Equal(["gcd", "is_prime"], tasks.Select(t => FunctionSpecTasks.SpecOf(t)!.Function).Distinct().Order());
            Assert.Equal("software-chain", spec.Strategies[0].Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ChatDev_is_refused_in_an_arena_with_tasks_that_are_not_programs()
    {
        var chain = RepoFile("scenarios/arena/chatdev-software.yaml");
        var path = Write($$"""
            name: x
            tasks:
              - {kind: function}
              - {kind: arithmetic}
            strategies:
              - direct
              - chatdev: {chain: "{{chain}}"}
            """);
        try
        {
            var error = Assert.Throws<ArenaFileException>(() => ArenaFile.Load(path));

            Assert.Equal($"{path}:7:5: strategy chatdev answers with a program and plays function tasks only; the task set at line 4 is 'arithmetic'. Give this arena only {{kind: function}} task sets, or play chatdev in another arena file.", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_shipped_reasoning_arena_loads_word_problems_24_slogans_and_its_evolve_section()
    {
        var (spec, mind) = ArenaFile.Load(RepoFile("scenarios/arena/reasoning.yaml"));

        Assert.Equal(["word", "24", "slogan"], spec.TaskSets.Select(t => t.Generator.Kind));
        Assert.Equal("simulated", mind.Kind);
        Assert.Equal(new EvolutionOptions("direct", 4, 4, 20, 60), spec.Evolution);
    }

    [Fact]
    public void A_judge_has_the_shape_of_a_mind_defaults_to_temperature_0_and_is_absent_unless_named()
    {
        var path = Write("""
            name: x
            mind: {kind: simulated, seed: 4}
            judge: {kind: model, model: ../models/judge, seed: 9}
            tasks:
              - {kind: slogan, count: 3}
            strategies: [direct, chain-of-thought]
            """);
        var plain = Write("name: y\njudge: endpoint\ntasks:\n  - kind: slogan\nstrategies: [direct]\n");
        try
        {
            var (spec, mind, judge) = ArenaFile.Load(path);
            var scalar = ArenaFile.Load(plain).Judge;

            Assert.Equal(("simulated", 4), (mind.Kind, mind.Seed));
            Assert.NotNull(judge);
            Assert.Equal(("model", 9, 0.0), (judge.Kind, judge.Seed, judge.Temperature));
            Assert.Equal(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "models", "judge")), judge.Model);
            Assert.Equal(new ArenaMindSpec("endpoint", Temperature: ArenaFile.JudgeTemperature), scalar);
            Assert.Equal(["slogan"], spec.TaskSets.Select(t => t.Generator.Kind));
            Assert.Null(ArenaFile.Load(RepoFile("scenarios/arena/arithmetic.yaml")).Judge);
        }
        finally
        {
            File.Delete(path);
            File.Delete(plain);
        }
    }

    [Fact]
    public void Strategies_take_an_instruction_and_a_name_and_a_model_folder_is_relative_to_the_file()
    {
        var path = Write("""
            name: x
            mind: {kind: model, model: ../models/tiny, temperature: 0}
            tasks:
              - {kind: "24", count: 3}
            strategies:
              - chain-of-thought
              - chain-of-thought: {instruction: "Check every step.", name: cot-checked}
              - react: {instruction: "Use the calculator."}
              - react: {grounded: false}
            """);
        try
        {
            var (spec, mind) = ArenaFile.Load(path);

            Assert.Equal(["chain-of-thought", "cot-checked", "react+tools", "react+tools, free finish"], spec.Strategies.Select(s => s.Name));
            Assert.Equal([true, false], spec.Strategies.OfType<ReActStrategy>().Select(s => s.GroundedFinish));
            Assert.Equal("Check every step.", ((IInstructedStrategy)spec.Strategies[1]).Instruction);
            Assert.Equal("Use the calculator.", ((IInstructedStrategy)spec.Strategies[2]).Instruction);
            Assert.Equal(SolveDecision.DefaultInstruction(SolveStyle.ChainOfThought), ((IInstructedStrategy)spec.Strategies[0]).Instruction);
            Assert.Equal(("model", 0.0), (mind.Kind, mind.Temperature));
            Assert.Equal(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "models", "tiny")), mind.Model);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
