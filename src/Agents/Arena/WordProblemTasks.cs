using System.Globalization;

namespace Agents.Arena;

/// <summary>
/// Multi-step word problems with distractors: a person starts with some items, buys packs of them, is given or finds
/// more, loses or gives some away, and may sell them all at a price; sentences with numbers that do not matter (an
/// age, a friend's other things, the temperature) are mixed in. <see cref="WordProblem.TryRead"/> solves them.
/// </summary>
/// <param name="MinSteps">The fewest operative steps after the start.</param>
/// <param name="MaxSteps">The most operative steps after the start.</param>
/// <param name="Distractors">Distractor sentences per problem.</param>
public sealed record WordProblemTasks(int MinSteps = 2, int MaxSteps = 4, int Distractors = 2) : ITaskGenerator
{
    private static readonly (string Name, string Subject, string Object, string Possessive)[] People =
    [
        ("Ana", "She", "her", "her"), ("Ben", "He", "him", "his"), ("Mira", "She", "her", "her"), ("Omar", "He", "him", "his"),
        ("Lena", "She", "her", "her"), ("Theo", "He", "him", "his"), ("Rosa", "She", "her", "her"), ("Karl", "He", "him", "his"),
    ];

    private static readonly string[] Things = ["apples", "marbles", "stickers", "pencils", "cookies", "stamps", "shells", "cards"];
    private static readonly string[] Containers = ["packs", "bags", "boxes"];
    private static readonly string[] Places = ["in the park", "under the sofa", "at school", "in the garden"];
    private static readonly string[] LossTails = ["on the way home", "at the fair", string.Empty];

    /// <inheritdoc />
    public string Kind => "word";

    /// <inheritdoc />
    public IReadOnlyList<ArenaTask> Generate(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(MinSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSteps, MinSteps);
        var tasks = new List<ArenaTask>();
        for (var i = 0; i < count; i++)
        {
            var (question, answer) = Write(random);

            // The generator's own count is the ground truth; the solver must agree with it, or one of them is wrong.
            if (!WordProblem.TryRead(question, out var problem) || problem.Answer != answer)
            {
                throw new InvalidOperationException($"The word problem solver disagrees with the generator on: {question}");
            }

            tasks.Add(new ArenaTask($"{Kind}-{i}", Kind, question, answer.ToString(CultureInfo.InvariantCulture)));
        }

        return tasks;
    }

    private (string Question, long Answer) Write(Random random)
    {
        var person = People[random.Next(People.Length)];
        var friends = People.Where(p => p.Name != person.Name).ToArray();
        var friend = friends[random.Next(friends.Length)];
        var items = Things[random.Next(Things.Length)];
        var others = Things.Where(t => t != items).ToArray();
        long total = random.Next(5, 41);
        var sentences = new List<string> { $"{person.Name} has {total} {items}." };
        var steps = random.Next(MinSteps, MaxSteps + 1);
        var sells = steps > 1 && random.Next(3) == 0;
        for (var s = 0; s < (sells ? steps - 1 : steps); s++)
        {
            switch (random.Next(total > 3 ? 5 : 3))
            {
                case 0:
                    var n = random.Next(2, 6);
                    var m = random.Next(3, 13);
                    sentences.Add($"{person.Subject} buys {n} {Containers[random.Next(Containers.Length)]} of {m} {items} each.");
                    total += n * m;
                    break;
                case 1:
                    var given = random.Next(2, 20);
                    sentences.Add($"{friend.Name} gives {person.Object} {given} more {items}.");
                    total += given;
                    break;
                case 2:
                    var found = random.Next(2, 15);
                    sentences.Add($"{person.Subject} finds {found} {items} {Places[random.Next(Places.Length)]}.");
                    total += found;
                    break;
                case 3:
                    var lost = random.Next(1, (int)Math.Min(total, 20));
                    var tail = LossTails[random.Next(LossTails.Length)];
                    sentences.Add($"{person.Subject} loses {lost} {items}{(tail.Length > 0 ? " " + tail : string.Empty)}.");
                    total -= lost;
                    break;
                default:
                    var away = random.Next(1, (int)Math.Min(total, 20));
                    sentences.Add($"{person.Subject} gives away {away} {items}.");
                    total -= away;
                    break;
            }
        }

        for (var d = 0; d < Distractors; d++)
        {
            var distractor = random.Next(5) switch
            {
                0 => $"{person.Name} is {random.Next(8, 15)} years old.",
                1 => $"{friend.Name} has {random.Next(3, 30)} {others[random.Next(others.Length)]}.",
                2 => $"It is {random.Next(12, 31)} degrees outside.",
                3 => $"{friend.Name} buys {random.Next(2, 6)} {Containers[random.Next(Containers.Length)]} of {random.Next(3, 13)} {others[random.Next(others.Length)]} each.",
                _ => $"The shop is {random.Next(5, 40)} minutes from {person.Possessive} house.",
            };
            sentences.Insert(1 + random.Next(sentences.Count), distractor);
        }

        if (sells)
        {
            var price = random.Next(2, 6);
            sentences.Add($"{person.Subject} sells every {WordProblem.Singular(items)} for {price} dollars.");
            total *= price;
            sentences.Add($"How many dollars does {person.Subject.ToLowerInvariant()} get?");
        }
        else
        {
            sentences.Add($"How many {items} does {person.Name} have now?");
        }

        return (string.Join(' ', sentences), total);
    }
}
