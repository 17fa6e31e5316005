using Agents.World.Components;
using Agents.World.Events;
using Agents.World.Map;

namespace Agents.World.Simulation;

/// <summary>Moves every walking agent one tile, records entering other places, and arrivals.</summary>
public sealed class MovementSystem
{
    /// <summary>Runs the system for the current step.</summary>
    public void Update(Town town, StepEvents events)
    {
        foreach (var agent in town.Agents)
        {
            ref var movement = ref town.Entities.Get<Movement>(agent);
            ref var position = ref town.Entities.Get<TilePosition>(agent);
            if (movement.IsMoving)
            {
                position.X = movement.Path[2 * movement.Next];
                position.Y = movement.Path[(2 * movement.Next) + 1];
                movement.Next++;
            }

            ref var activity = ref town.Entities.Get<Activity>(agent);
            var arena = town.Map.ArenaAt(new Point(position.X, position.Y));
            var place = arena is null ? string.Empty : arena.Address.ToString();
            if (!string.Equals(place, activity.CurrentPlace, StringComparison.Ordinal))
            {
                activity.CurrentPlace = place;
                events.Add(agent.Id, EventKinds.Enter, new PlaceEntered(place));
            }

            if (movement.Path is { Length: > 0 } && !movement.IsMoving)
            {
                movement.Path = [];
                movement.Next = 0;
                Actions.Arrive(town, events, agent);
            }
        }
    }
}
