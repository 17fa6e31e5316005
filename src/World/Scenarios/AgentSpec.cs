using Agents.World.Map;

namespace Agents.World.Scenarios;

/// <summary>An agent as the scenario describes it: persona, home, start tile, situation, seed memories and routine.</summary>
/// <param name="Name">The agent's unique name.</param>
/// <param name="Age">Age in years.</param>
/// <param name="Traits">Innate traits, such as friendly or curious.</param>
/// <param name="Lifestyle">A sentence on the agent's habits (when it sleeps and wakes).</param>
/// <param name="Home">The agent's home place (sector:arena[:object]); exists and is reachable from <paramref name="Position"/>.</param>
/// <param name="Position">The start tile: walkable, on the map; by default the first free walkable tile of the home.</param>
/// <param name="Situation">The agent's current situation, in words.</param>
/// <param name="Memories">Seed memories, stored before the first step.</param>
/// <param name="Routine">The daily routine, sorted by start time (may be empty).</param>
public sealed record AgentSpec(
    string Name,
    int Age,
    IReadOnlyList<string> Traits,
    string Lifestyle,
    Address Home,
    Point Position,
    string Situation,
    IReadOnlyList<string> Memories,
    IReadOnlyList<RoutineItem> Routine)
{
    /// <summary>
    /// The routine item in effect at <paramref name="time"/>: the last one starting at or before it, or before the
    /// first item of the day the last one of the day before (a routine wraps around midnight). Null for an empty routine.
    /// </summary>
    public RoutineItem? RoutineAt(TimeOnly time)
    {
        if (Routine.Count == 0)
        {
            return null;
        }

        var current = Routine[^1];
        foreach (var item in Routine)
        {
            if (item.At > time)
            {
                break;
            }

            current = item;
        }

        return current;
    }
}
