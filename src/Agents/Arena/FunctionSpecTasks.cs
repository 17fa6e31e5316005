namespace Agents.Arena;

/// <summary>
/// Small function specifications with hidden tests ("write digit_sum(n) returning the sum of the digits of n"), drawn
/// from a seed. An item's question states the requirement, one example and Mini in brief; its answer is the reference
/// program; its <see cref="FunctionSpecGrader"/> accepts any program that passes every hidden test in the Mini runner,
/// whatever its text.
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

    /// <inheritdoc />
    public IReadOnlyList<ArenaTask> Generate(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var templates = Functions is null
            ? FunctionSpecCatalog.Templates
            : Functions.Select(f => FunctionSpecCatalog.Templates.FirstOrDefault(t => t.Function == f) ?? throw new ArgumentException($"No function spec '{f}'; expected one of {string.Join(", ", AllFunctions)}.", nameof(Functions))).ToList();
        var tasks = new List<ArenaTask>();
        for (var i = 0; i < count; i++)
        {
            var spec = Create(templates[random.Next(templates.Count)], random);
            tasks.Add(new ArenaTask($"{Kind}-{i}", Kind, spec.Question, spec.ReferenceProgram, Grader: new FunctionSpecGrader(spec.Question)));
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
}
