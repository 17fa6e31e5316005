using Agents.World.Components;
using Agents.World.Events;
using Agents.World.Map;
using Entity = Agents.World.Ecs.Entity;

namespace Agents.World.Simulation;

/// <summary>What any behaviour can make an agent do; each action records its events.</summary>
public static class Actions
{
    /// <summary>Starts an activity at a place: frees the object in use, picks a tile of the place, and sets off.</summary>
    public static void StartActivity(Town town, StepEvents events, Entity agent, string description, Address place, long slot)
    {
        ReleaseObject(town, events, agent);
        var address = place.ToString();
        ref var activity = ref town.Entities.Get<Activity>(agent);
        activity.Description = description;
        activity.Address = address;
        activity.SinceStep = town.Clock.Step;
        activity.Slot = slot;
        events.Add(agent.Id, EventKinds.Activity, new ActivityStarted(description, address));
        WalkTo(town, events, agent, place);
    }

    /// <summary>Plans a path to a walkable tile of <paramref name="place"/> and starts walking it.</summary>
    public static void WalkTo(Town town, StepEvents events, Entity agent, Address place)
    {
        var address = place.ToString();
        var from = town.Entities.Get<TilePosition>(agent).Point;
        ref var movement = ref town.Entities.Get<Movement>(agent);
        movement.Path = [];
        movement.Next = 0;
        movement.Destination = address;

        var tiles = town.Map.WalkableTilesOf(place);
        if (tiles.Count == 0)
        {
            events.Add(agent.Id, EventKinds.PathFailed, new PathFailed(address, "the place has no walkable tile"));
            return;
        }

        if (tiles.Contains(from))
        {
            Arrive(town, events, agent);
            return;
        }

        // Objects are approached at their own tile (or the nearest neighbour); arenas at a tile drawn from the seed.
        var target = place.Object is null ? tiles[town.Random.Next(tiles.Count)] : tiles[0];
        var path = town.Pathfinder.FindPath(from, target);
        if (!path.Found && place.Object is null)
        {
            path = town.Pathfinder.FindPath(from, tiles);
        }

        if (!path.Found)
        {
            events.Add(agent.Id, EventKinds.PathFailed, new PathFailed(address, path.Reason ?? "no path"));
            return;
        }

        var packed = new int[path.Steps.Count * 2];
        for (var i = 0; i < path.Steps.Count; i++)
        {
            packed[2 * i] = path.Steps[i].X;
            packed[(2 * i) + 1] = path.Steps[i].Y;
        }

        movement.Path = packed;
        events.Add(agent.Id, EventKinds.Path, new PathStarted(address, packed));
    }

    /// <summary>Marks the agent arrived: records it and takes the object its activity uses, if any.</summary>
    public static void Arrive(Town town, StepEvents events, Entity agent)
    {
        ref var activity = ref town.Entities.Get<Activity>(agent);
        events.Add(agent.Id, EventKinds.Arrive, new Arrived(activity.Address));
        if (town.TryGetObject(activity.Address, out var obj))
        {
            ref var state = ref town.Entities.Get<ObjectState>(obj);
            if (state.UsedBy == -1 || state.UsedBy == agent.Id)
            {
                state.UsedBy = agent.Id;
                state.State = $"in use by {town.Entities.Get<Components.Named>(agent).Value} for {Progressive.Of(activity.Description)}";
                events.Add(obj.Id, EventKinds.Object, new ObjectChanged(state.Address, state.State));
            }
        }
    }

    /// <summary>Frees the object the agent uses, setting it idle.</summary>
    public static void ReleaseObject(Town town, StepEvents events, Entity agent)
    {
        var previous = town.Entities.Get<Activity>(agent).Address;
        if (string.IsNullOrEmpty(previous) || !town.TryGetObject(previous, out var obj))
        {
            return;
        }

        ref var state = ref town.Entities.Get<ObjectState>(obj);
        if (state.UsedBy == agent.Id)
        {
            state.UsedBy = -1;
            state.State = "idle";
            events.Add(obj.Id, EventKinds.Object, new ObjectChanged(state.Address, state.State));
        }
    }
}
