using System.Globalization;

namespace Agents.Arena;

/// <summary>
/// The 24 game: four numbers from 1 to 13 (only sets that have a solution), to be combined into exactly 24. Any
/// correct expression counts: <see cref="TwentyFourGrader"/> checks it; <see cref="ArenaTask.Answer"/> holds one
/// solution found by <see cref="TwentyFourGame.Solve"/>.
/// </summary>
/// <param name="MaxNumber">The largest number dealt (13 as with playing cards).</param>
public sealed record TwentyFourTasks(int MaxNumber = 13) : ITaskGenerator
{
    /// <summary>The words before the numbers in every question.</summary>
    public const string NumbersLabel = "the numbers ";

    /// <inheritdoc />
    public string Kind => "24";

    /// <summary>The question for <paramref name="numbers"/>.</summary>
    public static string Question(IReadOnlyList<int> numbers) =>
        $"Use {NumbersLabel}{string.Join(", ", numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)))} each exactly once with + - * / and parentheses to make 24. The answer is the expression.";

    /// <inheritdoc />
    public IReadOnlyList<ArenaTask> Generate(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxNumber, 6);
        var tasks = new List<ArenaTask>();
        while (tasks.Count < count)
        {
            var numbers = Enumerable.Range(0, 4).Select(_ => random.Next(1, MaxNumber + 1)).ToArray();
            if (TwentyFourGame.Solve(numbers) is { } solution)
            {
                tasks.Add(new ArenaTask($"{Kind}-{tasks.Count}", Kind, Question(numbers), solution, Grader: new TwentyFourGrader(string.Join(" ", numbers.Order()))));
            }
        }

        return tasks;
    }
}
