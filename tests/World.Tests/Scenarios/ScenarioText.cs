using Agents.World.Scenarios;

namespace Agents.World.Tests.Scenarios;

/// <summary>A small valid scenario to mutate in tests, and helpers to locate text in it and load it.</summary>
internal static class ScenarioText
{
    public const string FileName = "test.yaml";

    /// <summary>
    /// Two places on a 10x5 grid joined by a door at [5, 2]: House (room with a bed) and Shop (floor).
    /// </summary>
    public const string Valid = """
        name: Test
        start: 2023-02-13 08:00
        map:
          legend:
            '#': wall
            '.': floor
            '+': door
          grid: |
            ##########
            #....#...#
            #....+...#
            #....#...#
            ##########
        places:
          - sector: House
            area: [0, 0, 6, 5]
            arenas:
              - name: room
                area: [1, 1, 4, 3]
                objects:
                  - { name: bed, at: [1, 1] }
          - sector: Shop
            area: [6, 0, 4, 5]
            arenas:
              - name: floor
                area: [6, 1, 3, 3]
        agents:
          - name: Ann
            age: 30
            home: House:room
            routine:
              - { at: "08:00", do: work, place: "Shop:floor" }
              - { at: "18:00", do: sleep, place: "House:room:bed" }
        """;

    /// <summary>The valid text with one exact piece replaced (which must occur exactly once).</summary>
    public static string With(string find, string replacement) => Replace(Valid, find, replacement);

    public static string Replace(string text, string find, string replacement)
    {
        var first = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(first >= 0, $"'{find}' is not in the text");
        Assert.True(text.IndexOf(find, first + 1, StringComparison.Ordinal) < 0, $"'{find}' occurs more than once");
        return string.Concat(text.AsSpan(0, first), replacement, text.AsSpan(first + find.Length));
    }

    /// <summary>The 1-based line and column where <paramref name="find"/> starts (its only occurrence).</summary>
    public static (int Line, int Column) PositionOf(string text, string find)
    {
        var index = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{find}' is not in the text");
        Assert.True(text.IndexOf(find, index + 1, StringComparison.Ordinal) < 0, $"'{find}' occurs more than once");
        var before = text[..index].ReplaceLineEndings("\n");
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return (line, column);
    }

    /// <summary>Loads the text and returns the errors it was rejected with (fails when it loads).</summary>
    public static IReadOnlyList<ScenarioError> ErrorsOf(string yaml, string path = FileName)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, path));
        Assert.NotEmpty(e.Errors);
        return e.Errors;
    }

    /// <summary>The one error whose message contains <paramref name="phrase"/>.</summary>
    public static ScenarioError Single(IReadOnlyList<ScenarioError> errors, string phrase)
    {
        var matching = errors.Where(e => e.Message.Contains(phrase, StringComparison.Ordinal)).ToList();
        Assert.True(matching.Count == 1, $"expected one error containing '{phrase}', found {matching.Count} in:\n{string.Join("\n", errors)}");
        return matching[0];
    }

    /// <summary>Asserts the error sits at the start of <paramref name="find"/> in <paramref name="text"/>.</summary>
    public static void AssertAt(ScenarioError error, string text, string find, int columnOffset = 0)
    {
        var (line, column) = PositionOf(text, find);
        Assert.Equal((line, column + columnOffset), (error.Line, error.Column));
    }
}
