using System.Globalization;
using System.Numerics;

namespace Agents.Arena;

/// <summary>Products of two multi-digit numbers (each with <see cref="MinDigits"/> to <see cref="MaxDigits"/> digits): easy with the calculator, hard by heart.</summary>
/// <param name="MinDigits">The fewest digits of a factor.</param>
/// <param name="MaxDigits">The most digits of a factor.</param>
public sealed record ProductTasks(int MinDigits = 4, int MaxDigits = 6) : ITaskGenerator
{
    /// <inheritdoc />
    public string Kind => "product";

    /// <inheritdoc />
    public IReadOnlyList<ArenaTask> Generate(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var tasks = new List<ArenaTask>();
        for (var i = 0; i < count; i++)
        {
            var a = Factor(random);
            var b = Factor(random);
            var answer = (BigInteger)a * b;
            tasks.Add(new ArenaTask($"{Kind}-{i}", Kind, $"What is the result of {a}*{b}?", answer.ToString(CultureInfo.InvariantCulture)));
        }

        return tasks;
    }

    private long Factor(Random random)
    {
        var digits = random.Next(MinDigits, MaxDigits + 1);
        var low = (long)Math.Pow(10, digits - 1);
        return random.NextInt64(low, low * 10);
    }
}
