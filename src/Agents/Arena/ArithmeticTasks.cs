using System.Globalization;

namespace Agents.Arena;

/// <summary>Expressions a+b*c+d-e*f with values 0-29, as in Du et al.'s arithmetic debate task.</summary>
/// <param name="MaxValue">The largest operand.</param>
public sealed record ArithmeticTasks(int MaxValue = 29) : ITaskGenerator
{
    /// <inheritdoc />
    public string Kind => "arithmetic";

    /// <inheritdoc />
    public IReadOnlyList<ArenaTask> Generate(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var tasks = new List<ArenaTask>();
        for (var i = 0; i < count; i++)
        {
            var v = Enumerable.Range(0, 6).Select(_ => random.Next(MaxValue + 1)).ToArray();
            var answer = v[0] + (v[1] * v[2]) + v[3] - (v[4] * v[5]);
            var expression = $"{v[0]}+{v[1]}*{v[2]}+{v[3]}-{v[4]}*{v[5]}";
            tasks.Add(new ArenaTask($"{Kind}-{i}", Kind, $"What is the result of {expression}?", answer.ToString(CultureInfo.InvariantCulture)));
        }

        return tasks;
    }
}
