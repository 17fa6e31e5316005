using Agents.World.Simulation;

namespace Agents.Tools;

/// <summary>
/// The tools of an agent of a town, for a ReAct episode (an interview, a game character's question): the world
/// (<c>WhereIs</c>, <c>WhoIsAt</c>) as it is now, the clock at the town's time (<c>Now</c>), and the agent's own
/// memories as a knowledge base: <c>Search[person or place]</c> opens what it remembers of them, <c>Lookup[keyword]</c>
/// finds the next such memory with the word. Read the town on its own thread or while no step runs.
/// </summary>
public static class TownTools
{
    /// <summary>The tool box over <paramref name="town"/> and the memories (newest last) of the agent who uses it.</summary>
    public static ToolBox For(Town town, IEnumerable<string> memories)
    {
        ArgumentNullException.ThrowIfNull(town);
        ArgumentNullException.ThrowIfNull(memories);
        return ToolBox.FromPlugins(
            new WorldPlugin(town),
            new ClockPlugin(() => new DateTimeOffset(town.Clock.Now, TimeSpan.Zero)),
            new KnowledgeBasePlugin(Remembered(town, memories.ToList())));
    }

    /// <summary>One document per agent and sector of the town that the memories mention: those memories, newest first, one sentence each.</summary>
    public static IReadOnlyDictionary<string, string> Remembered(Town town, IReadOnlyList<string> memories)
    {
        ArgumentNullException.ThrowIfNull(town);
        ArgumentNullException.ThrowIfNull(memories);
        var titles = town.Scenario.Agents.Select(a => a.Name).Concat(town.Map.Sectors.Select(s => s.Name)).Distinct(StringComparer.OrdinalIgnoreCase);
        var documents = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var title in titles)
        {
            var about = memories.Reverse().Where(m => m.Contains(title, StringComparison.OrdinalIgnoreCase)).Select(Sentence).ToList();
            if (about.Count > 0)
            {
                documents[title] = string.Join(" ", about);
            }
        }

        return documents;
    }

    // One memory, one sentence: inner ". " would split it in the knowledge base.
    private static string Sentence(string memory)
    {
        var text = memory.Replace(". ", "; ", StringComparison.Ordinal).Trim();
        return text.EndsWith('.') ? text : text + ".";
    }
}
