using System.Text.RegularExpressions;

namespace Agents.Arena;

/// <summary>
/// Open-ended tasks without ground truth: "write a two-line slogan for X". A judge mind compares two strategies'
/// answers side by side, once in each order; when the two verdicts disagree the battle is a tie
/// (<see cref="SideBySide"/>). <see cref="SloganRubric"/> is the programmatic writer and a rule-based judge.
/// </summary>
public sealed partial record OpenEndedTasks : ITaskGenerator
{
    private static readonly string[] Names = ["Pebble", "Lumo", "Tarn", "Quill", "Vesta", "Orbit", "Fjord", "Nimbus", "Koru", "Brio"];

    private static readonly (string Thing, string Feature, string[] Keywords)[] Products =
    [
        ("water bottle", "keeps drinks cold all day", ["cold", "day"]),
        ("bicycle lamp", "shines bright on dark roads", ["bright", "dark"]),
        ("backpack", "stays dry in heavy rain", ["dry", "rain"]),
        ("coffee", "is roasted fresh every morning", ["fresh", "morning"]),
        ("running shoe", "feels as light as a feather", ["light", "feather"]),
        ("tent", "goes up in one minute", ["up", "minute"]),
        ("notebook", "never smudges the ink", ["ink", "smudge"]),
        ("umbrella", "folds to pocket size", ["pocket", "folds"]),
    ];

    /// <inheritdoc />
    public string Kind => "slogan";

    /// <summary>The question for <paramref name="brief"/>.</summary>
    public static string Question(SloganBrief brief)
    {
        ArgumentNullException.ThrowIfNull(brief);
        return $"Write a two-line slogan for {brief.Name}, a {brief.Thing} that {brief.Feature}. The answer is both lines, separated by \" / \".";
    }

    /// <summary>Reads the brief back from a question written by <see cref="Question"/>; false for any other text.</summary>
    public static bool TryReadBrief(string question, out SloganBrief brief)
    {
        ArgumentNullException.ThrowIfNull(question);
        brief = null!;
        var match = BriefForm().Match(question);
        if (!match.Success)
        {
            return false;
        }

        var thing = match.Groups["thing"].Value;
        var product = Products.FirstOrDefault(p => p.Thing == thing && p.Feature == match.Groups["feature"].Value);
        if (product.Thing is null)
        {
            return false;
        }

        brief = new SloganBrief(match.Groups["name"].Value, thing, product.Feature, product.Keywords);
        return true;
    }

    /// <inheritdoc />
    public IReadOnlyList<ArenaTask> Generate(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var tasks = new List<ArenaTask>();
        for (var i = 0; i < count; i++)
        {
            var product = Products[random.Next(Products.Length)];
            var brief = new SloganBrief(Names[random.Next(Names.Length)], product.Thing, product.Feature, product.Keywords);
            tasks.Add(new ArenaTask($"{Kind}-{i}", Kind, Question(brief), Collaboration.FinalAnswer.Normalize(SloganRubric.Write(brief)), Judged: true));
        }

        return tasks;
    }

    [GeneratedRegex(@"^Write a two-line slogan for (?<name>[A-Z][a-z]+), an? (?<thing>[a-z ]+?) that (?<feature>[a-z ]+)\.")]
    private static partial Regex BriefForm();
}
