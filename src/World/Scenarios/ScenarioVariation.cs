using Agents.World.Simulation;

namespace Agents.World.Scenarios;

/// <summary>
/// Seeded variations of a scenario for distillation: the same town and people, but their days shifted and their
/// personas reworded, so a model trained on the decisions sees more situations than one run holds. A variation keeps
/// the scenario valid: places, homes and start tiles are untouched, routines stay sorted within the day.
/// </summary>
public static class ScenarioVariation
{
    private static readonly string[] TraitPool =
    [
        "friendly", "curious", "patient", "cheerful", "shy", "talkative", "organised", "careful", "warm", "stubborn",
        "thoughtful", "energetic", "calm", "ambitious", "kind", "witty", "helpful", "dreamy", "honest", "practical",
    ];

    /// <summary>
    /// A variation of <paramref name="scenario"/> made from <paramref name="seed"/>: the run starts up to 6 hours
    /// earlier or later (a time offset), each agent's routine moves by up to 45 minutes and one pair of neighbouring
    /// activities may swap, ages move by up to 4 years, and one trait per agent is replaced.
    /// </summary>
    public static Scenario Vary(Scenario scenario, int seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var random = new SeededRandom((long)SeededRandom.Hash(seed, 0x5eed));
        var offset = TimeSpan.FromHours(random.Next(13) - 6);
        var agents = scenario.Agents.Select(agent => Vary(agent, random)).ToList();
        return scenario with { Start = scenario.Start + offset, Agents = agents };
    }

    private static AgentSpec Vary(AgentSpec agent, SeededRandom random)
    {
        var shift = TimeSpan.FromMinutes(15 * (random.Next(7) - 3));
        var routine = agent.Routine.Select(item => item with { At = Shift(item.At, shift) }).ToList();
        if (routine.Count >= 4 && random.Next(3) == 0)
        {
            // Two neighbouring daytime activities trade places (the times stay, the activities move).
            var i = 1 + random.Next(routine.Count - 3);
            (routine[i], routine[i + 1]) = (routine[i] with { Activity = routine[i + 1].Activity, Place = routine[i + 1].Place }, routine[i + 1] with { Activity = routine[i].Activity, Place = routine[i].Place });
        }

        routine.Sort((a, b) => a.At.CompareTo(b.At));
        var traits = agent.Traits.ToList();
        if (traits.Count > 0)
        {
            var fresh = TraitPool.Where(t => !traits.Contains(t, StringComparer.OrdinalIgnoreCase)).ToArray();
            traits[random.Next(traits.Count)] = fresh[random.Next(fresh.Length)];
        }

        return agent with { Age = Math.Max(18, agent.Age + random.Next(9) - 4), Traits = traits, Routine = routine };
    }

    private static TimeOnly Shift(TimeOnly time, TimeSpan shift)
    {
        // Routines wrap at midnight; keep each item inside its day so the order of the day is kept.
        var minutes = Math.Clamp(time.ToTimeSpan().TotalMinutes + shift.TotalMinutes, 0, (24 * 60) - 1);
        return TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(minutes));
    }
}
