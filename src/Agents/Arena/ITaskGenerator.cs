namespace Agents.Arena;

/// <summary>Generates task items with ground truth from a seeded generator. Implementations are immutable and thread-safe.</summary>
public interface ITaskGenerator
{
    /// <summary>The kind of task, e.g. "arithmetic".</summary>
    string Kind { get; }

    /// <summary>Generates <paramref name="count"/> items, drawing only from <paramref name="random"/>.</summary>
    IReadOnlyList<ArenaTask> Generate(int count, Random random);
}
