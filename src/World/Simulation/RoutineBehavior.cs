using Agents.World.Components;
using Agents.World.Events;
using Agents.World.Map;

namespace Agents.World.Simulation;

/// <summary>
/// Agents follow their scenario routines: at each item's (slightly varied) time they start its activity and walk to
/// its place with A*. Stands in for cognition, which replaces it.
/// </summary>
public sealed class RoutineBehavior : IBehavior
{
    /// <inheritdoc />
    public ValueTask UpdateAsync(Town town, StepEvents events, CancellationToken cancellationToken)
    {
        var now = town.Clock.Now;
        for (var i = 0; i < town.Agents.Count; i++)
        {
            var agent = town.Agents[i];
            var spec = town.Scenario.Agents[i];
            var (day, index) = Routine.Current(spec.Routine, town.Scenario.Start, now, town.Scenario.Seed, i);
            if (index < 0)
            {
                continue;
            }

            var slot = (day * 1000L) + index;
            ref var activity = ref town.Entities.Get<Activity>(agent);
            if (activity.Slot == slot)
            {
                continue;
            }

            var item = spec.Routine[index];
            Actions.StartActivity(town, events, agent, item.Activity, item.Place, slot);
        }

        return ValueTask.CompletedTask;
    }
}
