namespace Agents.Arena;

/// <summary>
/// Two-hop questions over a generated knowledge base of invented people, towns and regions ("In which region is the
/// town where Kabo Miren lives?"). The facts exist only in the task's documents, which only the knowledge-base tool
/// reaches, so a strategy without tools can only guess.
/// </summary>
/// <param name="People">People in each generated knowledge base.</param>
public sealed record MultiHopTasks(int People = 6) : ITaskGenerator
{
    private static readonly string[] Syllables = ["ka", "bo", "mi", "ren", "tal", "os", "vi", "lun", "dra", "pe", "sor", "qui", "ne", "ta", "gor", "el"];
    private static readonly string[] Jobs = ["baker", "painter", "miller", "weaver", "smith", "teacher"];

    /// <inheritdoc />
    public string Kind => "multihop";

    /// <inheritdoc />
    public IReadOnlyList<ArenaTask> Generate(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var tasks = new List<ArenaTask>();
        for (var i = 0; i < count; i++)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            var regions = Enumerable.Range(0, 3).Select(_ => Unique(random, used, 3)).ToList();
            var towns = Enumerable.Range(0, 4).Select(_ => (Name: Unique(random, used, 2), Region: regions[random.Next(regions.Count)])).ToList();
            var people = Enumerable.Range(0, People).Select(_ => (Name: $"{Unique(random, used, 2)} {Unique(random, used, 3)}", Town: towns[random.Next(towns.Count)])).ToList();
            var documents = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var region in regions)
            {
                documents[region] = $"{region} is a region by the sea. {region} is known for its hills.";
            }

            foreach (var town in towns)
            {
                documents[town.Name] = $"{town.Name} is a town. {town.Name} lies in the region of {town.Region}. It has {random.Next(200, 9000)} inhabitants.";
            }

            foreach (var person in people)
            {
                documents[person.Name] = $"{person.Name} is a {Jobs[random.Next(Jobs.Length)]}. {person.Name} lives in {person.Town.Name}. {person.Name} likes long walks.";
            }

            var subject = people[random.Next(people.Count)];
            tasks.Add(new ArenaTask(
                $"{Kind}-{i}",
                Kind,
                $"In which region is the town where {subject.Name} lives?",
                subject.Town.Region.ToLowerInvariant(),
                documents));
        }

        return tasks;
    }

    private static string Unique(Random random, HashSet<string> used, int syllables)
    {
        while (true)
        {
            var word = string.Concat(Enumerable.Range(0, syllables).Select(_ => Syllables[random.Next(Syllables.Length)]));
            word = char.ToUpperInvariant(word[0]) + word[1..];
            if (used.Add(word))
            {
                return word;
            }
        }
    }
}
