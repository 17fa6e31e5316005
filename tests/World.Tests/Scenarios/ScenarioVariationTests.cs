using Agents.Testing;
using Agents.World.Scenarios;

namespace Agents.World.Tests.Scenarios;

public sealed class ScenarioVariationTests
{
    private static readonly Scenario Smallville = ScenarioLoader.Load(RepoPaths.Scenario("smallville.yaml"));

    [Fact]
    public void A_variation_is_deterministic_per_seed_and_differs_between_seeds()
    {
        var a = ScenarioVariation.Vary(Smallville, 2);
        var again = ScenarioVariation.Vary(Smallville, 2);
        var b = ScenarioVariation.Vary(Smallville, 3);

        Assert.Equal(Describe(a), Describe(again));
        Assert.NotEqual(Describe(a), Describe(b));
        Assert.NotEqual(Describe(Smallville), Describe(a));
    }

    [Fact]
    public void A_variation_keeps_people_places_and_sorted_routines()
    {
        for (var seed = 1; seed <= 20; seed++)
        {
            var varied = ScenarioVariation.Vary(Smallville, seed);
            Assert.InRange((varied.Start - Smallville.Start).TotalHours, -6, 6);
            Assert.Equal(Smallville.Agents.Select(a => a.Name), varied.Agents.Select(a => a.Name));
            foreach (var (original, agent) in Smallville.Agents.Zip(varied.Agents))
            {
                Assert.Equal(original.Home, agent.Home);
                Assert.Equal(original.Position, agent.Position);
                Assert.Equal(original.Memories, agent.Memories);
                Assert.Equal(original.Traits.Count, agent.Traits.Count);
                Assert.Equal(original.Routine.Select(r => r.Activity).Order(), agent.Routine.Select(r => r.Activity).Order());
                Assert.Equal(original.Routine.Select(r => r.Place.ToString()).Order(), agent.Routine.Select(r => r.Place.ToString()).Order());
                Assert.True(agent.Routine.Zip(agent.Routine.Skip(1)).All(p => p.First.At <= p.Second.At), $"{agent.Name}'s routine is sorted");
                Assert.InRange(agent.Age, Math.Max(18, original.Age - 4), original.Age + 4);
            }
        }
    }

    private static string Describe(Scenario scenario) =>
        scenario.Start.ToString("O") + string.Join("|", scenario.Agents.Select(a => $"{a.Age} {string.Join(",", a.Traits)} {string.Join(";", a.Routine.Select(r => $"{r.At} {r.Activity}"))}"));
}
