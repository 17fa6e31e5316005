using Agents.World.Components;
using Agents.World.Events;
using Agents.World.Map;
using Agents.World.Perception;

namespace Agents.World.Simulation;

/// <summary>
/// Puts every agent's activity and every busy object on the tiles as events, lets each agent perceive them (vision
/// radius, attention, retention), and records what each agent newly noticed.
/// </summary>
public sealed class PerceptionSystem
{
    private readonly List<PositionedEvent> _tileEvents = [];
    private readonly HashSet<(string S, string P, string O)> _recent = [];

    /// <summary>Runs the system for the current step.</summary>
    public void Update(Town town, StepEvents events)
    {
        CollectTileEvents(town);
        var settings = town.Scenario.Perception;
        for (var i = 0; i < town.Agents.Count; i++)
        {
            var agent = town.Agents[i];
            var name = town.Entities.Get<Named>(agent).Value;
            var position = town.Entities.Get<TilePosition>(agent).Point;
            ref var memory = ref town.Entities.Get<PerceptionMemory>(agent);
            _recent.Clear();
            foreach (var triple in memory.Recent)
            {
                var parts = triple.Split('|');
                _recent.Add((parts[0], parts[1], parts[2]));
            }

            var seenList = town.PerceptionBuffer(i);
            seenList.Clear();
            Perceiver.Perceive(town.Map, position, name, _tileEvents, settings, _recent, seenList);
            foreach (var seen in seenList)
            {
                var e = seen.Event;
                memory.Recent = Remember(memory.Recent, $"{e.Subject}|{e.Predicate}|{e.Object}", settings.Retention);
                events.Add(agent.Id, EventKinds.Perceive, new Events.Perceived(e.Subject, e.Predicate, e.Object, e.Description, seen.At.X, seen.At.Y));
            }
        }
    }

    private void CollectTileEvents(Town town)
    {
        _tileEvents.Clear();
        foreach (var agent in town.Agents)
        {
            var activity = town.Entities.Get<Activity>(agent);
            if (string.IsNullOrEmpty(activity.Description))
            {
                continue;
            }

            var name = town.Entities.Get<Named>(agent).Value;
            var at = town.Entities.Get<TilePosition>(agent).Point;
            var doing = Progressive.Of(activity.Description);
            var description = town.Entities.Get<Movement>(agent).IsMoving
                ? $"{name} is on the way to {Address.Parse(activity.Address).Sector} to {activity.Description}"
                : $"{name} is {doing}";
            _tileEvents.Add(new PositionedEvent(at, new TileEvent(name, "is", doing, description)));
        }

        var busy = new Ecs.QueryDescription().WithAll<ObjectState, TilePosition>();
        town.Entities.Query(in busy, (ref ObjectState state, ref TilePosition position) =>
        {
            if (state.State != "idle")
            {
                var name = Address.Parse(state.Address).Object ?? state.Address;
                _tileEvents.Add(new PositionedEvent(position.Point, new TileEvent(state.Address, "is", state.State, $"the {name} is {state.State}")));
            }
        });
    }

    private static string[] Remember(string[] recent, string triple, int retention)
    {
        if (retention <= 0)
        {
            return recent;
        }

        var keep = Math.Min(recent.Length, retention - 1);
        var next = new string[keep + 1];
        Array.Copy(recent, recent.Length - keep, next, 0, keep);
        next[keep] = triple;
        return next;
    }
}
