using Agents.World.Components;
using Agents.World.Map;
using Agents.World.Perception;
using Agents.World.Scenarios;
using EcsWorld = Agents.World.Ecs.World;
using Entity = Agents.World.Ecs.Entity;

namespace Agents.World.Simulation;

/// <summary>
/// The state of a running town: its entities (agents and objects) in the ECS, the map, the clock and the seeded
/// generator. Systems read and change it one step at a time. Not thread-safe: one simulation thread owns it.
/// </summary>
public sealed class Town : IDisposable
{
    private readonly Entity[] _agents;
    private readonly Dictionary<string, Entity> _objects;
    private readonly List<Perceived>[] _perceived;

    private Town(Scenario scenario, EcsWorld entities, SimClock clock, SeededRandom random, Entity[] agents, Dictionary<string, Entity> objects)
    {
        Scenario = scenario;
        Entities = entities;
        Clock = clock;
        Random = random;
        Pathfinder = new Pathfinder(scenario.Map);
        _agents = agents;
        _objects = objects;
        _perceived = agents.Select(_ => new List<Perceived>()).ToArray();
    }

    /// <summary>The scenario the town was built from.</summary>
    public Scenario Scenario { get; }

    /// <summary>The map.</summary>
    public TileMap Map => Scenario.Map;

    /// <summary>Path search over the map, with its cache.</summary>
    public Pathfinder Pathfinder { get; }

    /// <summary>Agents and objects.</summary>
    public EcsWorld Entities { get; }

    /// <summary>The game clock.</summary>
    public SimClock Clock { get; }

    /// <summary>The run's seeded generator; its state is part of every snapshot.</summary>
    public SeededRandom Random { get; }

    /// <summary>Agent entities, in scenario order.</summary>
    public IReadOnlyList<Entity> Agents => _agents;

    /// <summary>Builds the town at step 0 from a scenario.</summary>
    /// <param name="scenario">A validated scenario.</param>
    /// <param name="seed">The seed (the scenario's unless overridden).</param>
    public static Town Create(Scenario scenario, int seed)
    {
        var entities = EcsWorld.Create();
        var agents = new Entity[scenario.Agents.Count];
        for (var i = 0; i < agents.Length; i++)
        {
            var spec = scenario.Agents[i];
            agents[i] = entities.Create(
                new Named(spec.Name),
                new AgentTag(i),
                new TilePosition(spec.Position.X, spec.Position.Y),
                new Movement { Path = [], Destination = string.Empty },
                new Activity { Description = string.Empty, Address = string.Empty, Slot = -1, CurrentPlace = "\0" },
                new PerceptionMemory { Recent = [] });
        }

        var objects = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var sector in scenario.Map.Sectors)
        {
            foreach (var arena in sector.Arenas)
            {
                foreach (var placed in arena.Objects)
                {
                    var address = placed.Address.ToString();
                    objects[address] = entities.Create(
                        new Named(address),
                        new TilePosition(placed.Position.X, placed.Position.Y),
                        new ObjectState { Address = address, State = placed.InitialState, UsedBy = -1 });
                }
            }
        }

        var clock = new SimClock(scenario.Start, scenario.Step);
        return new Town(scenario, entities, clock, new SeededRandom(seed), agents, objects);
    }

    /// <summary>Rebuilds a town from a snapshot of the same scenario.</summary>
    public static Town Restore(Scenario scenario, TownSnapshot snapshot)
    {
        var entities = EcsWorld.Create();
        var agents = new Entity[scenario.Agents.Count];
        var objects = new Dictionary<string, Entity>(StringComparer.Ordinal);
        foreach (var saved in snapshot.Entities)
        {
            var components = saved.Components.Select(ComponentRegistry.Deserialize).ToArray();
            var entity = entities.Recreate(new Entity(saved.Id, saved.Version), components);
            foreach (var component in components)
            {
                switch (component)
                {
                    case AgentTag tag when tag.Index >= 0 && tag.Index < agents.Length:
                        agents[tag.Index] = entity;
                        break;
                    case ObjectState state:
                        objects[state.Address] = entity;
                        break;
                }
            }
        }

        foreach (var slot in snapshot.FreeSlots)
        {
            entities.RestoreFreeSlot(new Entity(slot.Id, slot.Version));
        }

        if (agents.Any(a => a == default))
        {
            throw new InvalidDataException("The snapshot does not hold every agent of the scenario; it belongs to another run.");
        }

        var clock = new SimClock(scenario.Start, scenario.Step);
        clock.Reset(snapshot.Step);
        var random = new SeededRandom(0) { State = snapshot.RandomState };
        return new Town(scenario, entities, clock, random, agents, objects);
    }

    /// <summary>Captures every entity's components, the clock, the generator, and a behaviour's own state.</summary>
    public TownSnapshot Capture(byte[]? behaviorState = null)
    {
        // Query order (not id order), restored in the same order, so the restored world iterates exactly as this one.
        var all = new List<Entity>();
        Entities.Query(new Ecs.QueryDescription(), (Entity e) => all.Add(e));
        var saved = new List<EntitySnapshot>(all.Count);
        foreach (var entity in all)
        {
            var components = new List<ComponentBlob>();
            foreach (var type in Entities.GetComponentTypes(entity))
            {
                components.Add(ComponentRegistry.Serialize(type, Entities.GetBoxed(entity, type)));
            }

            saved.Add(new EntitySnapshot(entity.Id, entity.Version, components));
        }

        var free = new List<Entity>();
        Entities.GetFreeSlots(free);
        return new TownSnapshot(Clock.Step, Random.State, saved, free.Select(f => new FreeSlot(f.Id, f.Version)).ToList(), behaviorState ?? []);
    }

    /// <summary>
    /// What agent <paramref name="agentIndex"/> (scenario order) noticed this step, nearest first: filled by perception
    /// at the start of each step, read by behaviours. Transient: not part of snapshots.
    /// </summary>
    public IReadOnlyList<Perceived> PerceivedBy(int agentIndex) => _perceived[agentIndex];

    /// <summary>The writable list behind <see cref="PerceivedBy"/>, for the perception system.</summary>
    internal List<Perceived> PerceptionBuffer(int agentIndex) => _perceived[agentIndex];

    /// <summary>The object entity at an address, if the address names an object.</summary>
    public bool TryGetObject(string address, out Entity entity) => _objects.TryGetValue(address, out entity);

    /// <summary>The scenario definition of an agent entity.</summary>
    public AgentSpec SpecOf(Entity agent) => Scenario.Agents[Entities.Get<AgentTag>(agent).Index];

    /// <inheritdoc />
    public void Dispose() => Entities.Dispose();
}
