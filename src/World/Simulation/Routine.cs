using Agents.World.Scenarios;

namespace Agents.World.Simulation;

/// <summary>Finds the routine item an agent follows at a given time, with a small per-day variation of start times.</summary>
public static class Routine
{
    /// <summary>Greatest shift, in minutes, of an item's start on a given day (either way).</summary>
    public const int JitterMinutes = 10;

    /// <summary>
    /// The item in force at <paramref name="now"/>: the latest whose (shifted) start is not after now, looking back
    /// to the previous day when none has started today. Returns the day the item started and its index.
    /// </summary>
    public static (int Day, int Index) Current(IReadOnlyList<RoutineItem> routine, DateTime start, DateTime now, int seed, int agentIndex)
    {
        if (routine.Count == 0)
        {
            return (-1, -1);
        }

        var day = (int)(now.Date - start.Date).TotalDays;
        for (var d = day; d >= day - 1; d--)
        {
            for (var i = routine.Count - 1; i >= 0; i--)
            {
                if (StartOf(routine, start, d, i, seed, agentIndex) <= now)
                {
                    return (d, i);
                }
            }
        }

        return (day - 1, routine.Count - 1);
    }

    /// <summary>The shifted start of item <paramref name="index"/> on day <paramref name="day"/> (0 = the scenario's first day).</summary>
    public static DateTime StartOf(IReadOnlyList<RoutineItem> routine, DateTime start, int day, int index, int seed, int agentIndex)
    {
        var jitter = (int)(SeededRandom.Hash(seed, agentIndex, day, index) % (2 * JitterMinutes + 1)) - JitterMinutes;
        return start.Date.AddDays(day) + routine[index].At.ToTimeSpan() + TimeSpan.FromMinutes(jitter);
    }
}
