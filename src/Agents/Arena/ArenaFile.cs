using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Agents.Arena;

/// <summary>
/// Reads an arena file (YAML): name, seed, bootstrap rounds, mind, the optional judge of open-ended items (the same
/// keys as mind), task sets, strategies and the optional prompt evolution settings. Every error names the file, line
/// and column and what was expected. Stateless and thread-safe.
/// </summary>
public static class ArenaFile
{
    /// <summary>The strategy names a file may use.</summary>
    public static readonly IReadOnlyList<string> StrategyNames = ["direct", "few-shot", "chain-of-thought", "self-consistency", "react", "debate", "adversarial-debate", "agentverse", ChatDevStrategy.KindName];

    /// <summary>The task kinds a file may use.</summary>
    public static readonly IReadOnlyList<string> TaskKinds = ["arithmetic", "product", "multihop", "word", "24", "slogan", FunctionSpecTasks.KindName];

    /// <summary>The mind kinds a file may use.</summary>
    public static readonly IReadOnlyList<string> MindKinds = ["simulated", "model", "endpoint"];

    /// <summary>A judge's sampling temperature when the file gives none: 0, as LLM-as-judge setups use, so that a verdict depends on the answers only.</summary>
    public const double JudgeTemperature = 0;

    /// <summary>Loads the arena, its mind and its judge (when the file names one) from <paramref name="path"/>.</summary>
    /// <exception cref="ArenaFileException">The file is not a valid arena.</exception>
    public static ArenaSetup Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ArenaFileException($"{path}:{e.Start.Line}:{e.Start.Column}: not valid YAML ({e.Message}).");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ArenaFileException($"{path}:1:1: expected a mapping with name, seed, tasks and strategies.");
        }

        var reading = new Reader(path);
        var name = reading.Text(root, "name", Path.GetFileNameWithoutExtension(path));
        var seed = reading.Int(root, "seed", 0, int.MinValue);
        var bootstrap = reading.Int(root, "bootstrap", 1000, 0);
        var examples = reading.Int(root, "examples", 3, 0);
        var unit = reading.Text(root, "bootstrap-unit", "battles") switch
        {
            "battles" => BootstrapUnit.Battles,
            "items" => BootstrapUnit.Items,
            var other => throw new ArenaFileException($"{path}: expected bootstrap-unit 'battles' or 'items'; found '{other}'."),
        };
        var mind = reading.Mind(root, "mind", 0.7) ?? new ArenaMindSpec();
        var judge = reading.Mind(root, "judge", JudgeTemperature);
        var taskNodes = reading.Sequence(root, "tasks").ToList();
        var tasks = taskNodes.Select(reading.TaskSet).ToList();
        var strategyNodes = reading.Sequence(root, "strategies").ToList();
        var strategies = strategyNodes.Select(reading.Strategy).ToList();
        for (var i = 0; i < strategies.Count; i++)
        {
            var other = tasks.FindIndex(t => t.Generator.Kind != FunctionSpecTasks.KindName);
            if (strategies[i] is ChatDevStrategy && other >= 0)
            {
                // A chain's answer is software; it has nothing to say to "What is 3+4*5?".
                throw reading.Error(
                    strategyNodes[i],
                    $"strategy {ChatDevStrategy.KindName} answers with a program and plays function tasks only; the task set at line {taskNodes[other].Start.Line} is '{tasks[other].Generator.Kind}'. Give this arena only {{kind: function}} task sets, or play chatdev in another arena file.");
            }
        }

        var duplicate = strategies.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArenaFileException($"{path}: strategy '{duplicate.Key}' appears twice; give each a different setting.");
        }

        var evolution = reading.Evolution(root, strategies);
        return new ArenaSetup(new ArenaSpec(name, seed, tasks, strategies, bootstrap, examples, unit, evolution), mind, judge);
    }

    private sealed class Reader(string path)
    {
        public ArenaFileException Error(YamlNode node, string message) => new($"{path}:{node.Start.Line}:{node.Start.Column}: {message}");

        public string Text(YamlMappingNode map, string key, string fallback) =>
            Value(map, key) switch
            {
                null => fallback,
                YamlScalarNode { Value: { Length: > 0 } text } => text,
                var node => throw Error(node, $"expected '{key}' to be text."),
            };

        public int Int(YamlMappingNode map, string key, int fallback, int min)
        {
            var node = Value(map, key);
            if (node is null)
            {
                return fallback;
            }

            if (node is not YamlScalarNode scalar || !int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min)
            {
                throw Error(node, $"expected '{key}' to be a whole number of at least {min}; found '{(node as YamlScalarNode)?.Value}'.");
            }

            return value;
        }

        public bool Bool(YamlMappingNode map, string key, bool fallback) =>
            Value(map, key) switch
            {
                null => fallback,
                YamlScalarNode { Value: "true" or "yes" } => true,
                YamlScalarNode { Value: "false" or "no" } => false,
                var node => throw Error(node, $"expected '{key}' to be true or false; found '{(node as YamlScalarNode)?.Value}'."),
            };

        public IEnumerable<YamlNode> Sequence(YamlMappingNode map, string key) =>
            Value(map, key) switch
            {
                YamlSequenceNode { Children.Count: > 0 } list => list.Children,
                null => throw Error(map, $"expected a list '{key}'."),
                var node => throw Error(node, $"expected '{key}' to be a non-empty list."),
            };

        // The mind under `key` ("mind" or "judge"): a kind alone, or a mapping with kind, seed, endpoint, model and
        // temperature; null when the file has no such key.
        public ArenaMindSpec? Mind(YamlMappingNode root, string key, double defaultTemperature)
        {
            var node = Value(root, key);
            switch (node)
            {
                case null:
                    return null;
                case YamlScalarNode { Value: var only } when only is not null && MindKinds.Contains(only):
                    return new ArenaMindSpec(only, Temperature: defaultTemperature);
                case YamlMappingNode map:
                    var kind = Text(map, "kind", "simulated");
                    if (!MindKinds.Contains(kind))
                    {
                        throw Error(Value(map, "kind") ?? map, $"expected {key} kind {string.Join(", ", MindKinds)}; found '{kind}'.");
                    }

                    var temperature = defaultTemperature;
                    if (Value(map, "temperature") is { } t
                        && !(t is YamlScalarNode { Value: var number } && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out temperature) && temperature >= 0))
                    {
                        throw Error(t, $"expected {key} temperature to be a number of at least 0; found '{(t as YamlScalarNode)?.Value}'.");
                    }

                    var model = Value(map, "model") is YamlScalarNode m ? m.Value : null;
                    if (kind == "model" && model is not null && !Path.IsPathRooted(model))
                    {
                        // A model folder is relative to the arena file, as a scenario's is.
                        model = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", model));
                    }

                    return new ArenaMindSpec(kind, Int(map, "seed", 0, int.MinValue), Value(map, "endpoint") is YamlScalarNode e ? e.Value : null, model, temperature);
                default:
                    throw Error(node, $"expected {key} to be 'simulated', 'model', 'endpoint' or a mapping with kind, seed, endpoint, model, temperature; found '{(node as YamlScalarNode)?.Value}'.");
            }
        }

        public EvolutionOptions? Evolution(YamlMappingNode root, IReadOnlyList<IArenaStrategy> strategies)
        {
            var node = Value(root, "evolve");
            if (node is null)
            {
                return null;
            }

            if (node is not YamlMappingNode map)
            {
                throw Error(node, "expected evolve to be a mapping such as {strategy: direct, steps: 4, candidates: 4, train: 20, test: 40}.");
            }

            var named = Value(map, "strategy");
            var strategy = named is null ? null : Text(map, "strategy", string.Empty);
            if (named is not null && !strategies.Any(x => x.Name == strategy && x is IInstructedStrategy))
            {
                throw Error(named, $"expected evolve strategy to name one of this file's strategies with an instruction ({string.Join(", ", strategies.OfType<IInstructedStrategy>().Select(x => x.Name))}); found '{strategy}'.");
            }

            return new EvolutionOptions(
                strategy,
                Int(map, "steps", 4, 0),
                Int(map, "candidates", 4, 1),
                Int(map, "train", 20, 1),
                Int(map, "test", 40, 1),
                Int(map, "history", 20, 1),
                Int(map, "examples", 3, 0));
        }

        public TaskSetSpec TaskSet(YamlNode node)
        {
            if (node is not YamlMappingNode map)
            {
                throw Error(node, "expected a task set such as {kind: arithmetic, count: 40}.");
            }

            var kind = Text(map, "kind", string.Empty);
            var count = Int(map, "count", 20, 1);
            ITaskGenerator generator = kind switch
            {
                "arithmetic" => new ArithmeticTasks(Int(map, "max", 29, 1)),
                "product" => Digits(map),
                "multihop" => new MultiHopTasks(Int(map, "people", 6, 1)),
                "word" => WordSteps(map),
                "24" => new TwentyFourTasks(Int(map, "max", 13, 6)),
                "slogan" => new OpenEndedTasks(),
                FunctionSpecTasks.KindName => Functions(map),
                _ => throw Error(map, $"expected task kind {string.Join(", ", TaskKinds)}; found '{kind}'."),
            };
            return new TaskSetSpec(generator, count);
        }

        public IArenaStrategy Strategy(YamlNode node)
        {
            var (name, settings) = node switch
            {
                YamlScalarNode scalar => (scalar.Value ?? string.Empty, (YamlMappingNode?)null),
                YamlMappingNode { Children.Count: 1 } map when map.Children[0].Key is YamlScalarNode key && map.Children[0].Value is YamlMappingNode inner => (key.Value ?? string.Empty, inner),
                _ => throw Error(node, "expected a strategy name, or a name with settings such as {self-consistency: {k: 5}}."),
            };
            var options = settings ?? new YamlMappingNode();
            var instruction = Value(options, "instruction") is null ? null : Text(options, "instruction", string.Empty);
            var label = Value(options, "name") is null ? null : Text(options, "name", string.Empty);
            return name switch
            {
                "direct" => new PromptStrategy(SolveStyle.Direct, instruction, label),
                "few-shot" => new PromptStrategy(SolveStyle.FewShot, instruction, label),
                "chain-of-thought" => new PromptStrategy(SolveStyle.ChainOfThought, instruction, label),
                "self-consistency" => new SelfConsistencyStrategy(Int(options, "k", 5, 1), instruction, label),
                "react" => new ReActStrategy(Int(options, "steps", 7, 1), instruction, label, Bool(options, "grounded", true)),
                "debate" => new DebateStrategy(Int(options, "agents", 3, 1), Int(options, "rounds", 2, 0)),
                "adversarial-debate" => new AdversarialDebateStrategy(Int(options, "rounds", 3, 1)),
                "agentverse" => new AgentVerseStrategy(
                    Int(options, "experts", 3, 1),
                    Text(options, "structure", "vertical") switch
                    {
                        "vertical" => Collaboration.AgentVerse.DecisionStructure.Vertical,
                        "horizontal" => Collaboration.AgentVerse.DecisionStructure.Horizontal,
                        var other => throw Error(node, $"expected structure vertical or horizontal; found '{other}'."),
                    }),
                ChatDevStrategy.KindName => new ChatDevStrategy(Chain(options, node), label),
                _ => throw Error(node, $"expected a strategy among {string.Join(", ", StrategyNames)}; found '{name}'."),
            };
        }

        // The chain file named by `chain:` (relative to the arena file), by default chatdev-software.yaml beside it.
        private Collaboration.ChatDev.ChatChain Chain(YamlMappingNode options, YamlNode node)
        {
            var named = Value(options, "chain");
            var file = Text(options, "chain", "chatdev-software.yaml");
            var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", file));
            if (!File.Exists(full))
            {
                throw Error(named ?? node, $"no chat chain file at {full}; give chatdev the setting chain: FILE (a path relative to the arena file).");
            }

            return Collaboration.ChatDev.ChatChainFile.Load(full);
        }

        private FunctionSpecTasks Functions(YamlMappingNode map)
        {
            var node = Value(map, "functions");
            switch (node)
            {
                case null:
                    return new FunctionSpecTasks();
                case YamlSequenceNode { Children.Count: > 0 } list:
                    var names = new List<string>();
                    foreach (var item in list.Children)
                    {
                        var name = (item as YamlScalarNode)?.Value;
                        if (name is null || !FunctionSpecTasks.AllFunctions.Contains(name, StringComparer.Ordinal))
                        {
                            throw Error(item, $"expected a function among {string.Join(", ", FunctionSpecTasks.AllFunctions)}; found '{name}'.");
                        }

                        names.Add(name);
                    }

                    return new FunctionSpecTasks(names);
                default:
                    throw Error(node, $"expected 'functions' to be a non-empty list such as [digit_sum, gcd]; the functions are {string.Join(", ", FunctionSpecTasks.AllFunctions)}.");
            }
        }

        private WordProblemTasks WordSteps(YamlMappingNode map)
        {
            var low = Int(map, "min-steps", 2, 1);
            var high = Int(map, "max-steps", 4, 1);
            if (high < low || high > 8)
            {
                throw Error(map, $"expected 1 <= min-steps <= max-steps <= 8; found {low} and {high}.");
            }

            return new WordProblemTasks(low, high, Int(map, "distractors", 2, 0));
        }

        private ProductTasks Digits(YamlMappingNode map)
        {
            var low = Int(map, "min-digits", 4, 1);
            var high = Int(map, "max-digits", 6, 1);
            if (high < low || high > 12)
            {
                throw Error(map, $"expected 1 <= min-digits <= max-digits <= 12; found {low} and {high}.");
            }

            return new ProductTasks(low, high);
        }

        private static YamlNode? Value(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }
}
