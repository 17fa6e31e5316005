namespace Agents.Arena;

/// <summary>
/// Small function specifications with hidden tests ("write digit_sum(n) returning the sum of the digits of n"), drawn
/// from a seed. An item's question states the requirement, one example and Mini in brief; its answer is the reference
/// program; its <see cref="FunctionSpecGrader"/> accepts any program that passes every hidden test in the Mini runner,
/// whatever its text. A set's specs are distinct (no two items share a function and constants) until the catalogue
/// (<see cref="DistinctSpecs"/>) is exhausted: each round takes every function that has a spec left once, in a seeded
/// order, with constants not drawn before, so a function without constants (gcd, is_prime, ...) appears once and later
/// rounds draw from those with constants (count_multiples, count_value, scale_shift, clamp). A set larger than the
/// catalogue starts over, so each spec then appears about count / <see cref="DistinctSpecs"/> times.
/// </summary>
/// <param name="Functions">The spec kinds to draw from, by function name (e.g. "digit_sum"); null for all of them.</param>
public sealed record FunctionSpecTasks(IReadOnlyList<string>? Functions = null) : ITaskGenerator
{
    /// <summary>The task kind of these items.</summary>
    public const string KindName = "function";

    /// <summary>Every spec kind, by function name.</summary>
    public static IReadOnlyList<string> AllFunctions { get; } = FunctionSpecCatalog.Templates.Select(t => t.Function).ToList();

    /// <inheritdoc />
    public string Kind => KindName;

    /// <summary>How many different specs these functions give (one per function and choice of its constants).</summary>
    public long DistinctSpecs => Templates().Sum(Variants);

    /// <inheritdoc />
    public IReadOnlyList<ArenaTask> Generate(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var templates = Templates();
        var drawn = templates.ToDictionary(t => t.Function, _ => new HashSet<long>(), StringComparer.Ordinal);
        var tasks = new List<ArenaTask>();
        while (tasks.Count < count)
        {
            var round = templates.Where(t => drawn[t.Function].Count < Variants(t)).ToList();
            if (round.Count == 0)
            {
                // The catalogue is exhausted: start over (see DistinctSpecs).
                foreach (var set in drawn.Values)
                {
                    set.Clear();
                }

                continue;
            }

            for (var k = round.Count - 1; k > 0; k--)
            {
                var j = random.Next(k + 1);
                (round[k], round[j]) = (round[j], round[k]);
            }

            foreach (var template in round.Take(count - tasks.Count))
            {
                var spec = new FunctionSpec(template, Undrawn(template, drawn[template.Function], random));
                tasks.Add(new ArenaTask($"{Kind}-{tasks.Count}", Kind, spec.Question, spec.ReferenceProgram, Grader: new FunctionSpecGrader(spec.Question)));
            }
        }

        return tasks;
    }

    /// <summary>The spec <paramref name="function"/> with constants drawn from <paramref name="random"/>.</summary>
    public static FunctionSpec Create(string function, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var template = FunctionSpecCatalog.Templates.FirstOrDefault(t => t.Function == function)
            ?? throw new ArgumentException($"No function spec '{function}'; expected one of {string.Join(", ", AllFunctions)}.", nameof(function));
        return Create(template, random);
    }

    /// <summary>The spec of <paramref name="task"/>, or null when the task is not a function spec.</summary>
    public static FunctionSpec? SpecOf(ArenaTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Kind == KindName && FunctionSpec.TryRead(task.Question, out var spec) ? spec : null;
    }

    private static FunctionSpec Create(FunctionSpecTemplate template, Random random)
    {
        var constants = template.Constants.ToDictionary(c => c.Name, c => (long)random.Next(c.Min, c.Max + 1), StringComparer.Ordinal);
        return new FunctionSpec(template, constants);
    }

    // The templates named by Functions (each once), else all.
    private List<FunctionSpecTemplate> Templates() =>
        Functions is null
            ? FunctionSpecCatalog.Templates.ToList()
            : Functions.Distinct(StringComparer.Ordinal).Select(f => FunctionSpecCatalog.Templates.FirstOrDefault(t => t.Function == f) ?? throw new ArgumentException($"No function spec '{f}'; expected one of {string.Join(", ", AllFunctions)}.", nameof(Functions))).ToList();

    // The choices of a template's constants: the product of their ranges' sizes (1 without constants).
    private static long Variants(FunctionSpecTemplate template) => template.Constants.Aggregate(1L, (n, c) => n * (c.Max - c.Min + 1));

    // Constants not drawn before, uniformly among those left: the choices are numbered in mixed radix (the first
    // constant varies slowest), and the k-th number not in `drawn` is taken and added to it.
    private static Dictionary<string, long> Undrawn(FunctionSpecTemplate template, HashSet<long> drawn, Random random)
    {
        var k = random.NextInt64(Variants(template) - drawn.Count);
        var index = 0L;
        while (drawn.Contains(index) || k > 0)
        {
            k -= drawn.Contains(index) ? 0 : 1;
            index++;
        }

        drawn.Add(index);
        var values = new long[template.Constants.Length];
        for (var c = values.Length - 1; c >= 0; c--)
        {
            var size = template.Constants[c].Max - template.Constants[c].Min + 1;
            values[c] = template.Constants[c].Min + (index % size);
            index /= size;
        }

        var constants = template.Constants.Select((c, i) => (c.Name, Value: values[i])).ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal);
        return constants;
    }
}
