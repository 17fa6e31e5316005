using Agents.World.Ecs;
using EcsWorld = Agents.World.Ecs.World;

namespace Agents.World.Tests.Ecs;

/// <summary>
/// The plain reference the ECS is checked against: entity id to (component type to boxed value), plus the
/// version each id's next handle carries. Ids are handed out lowest free first, as the world promises.
/// </summary>
internal sealed class EcsModel
{
    public static readonly Type[] ComponentTypes = [typeof(Health), typeof(Position), typeof(Name), typeof(Inventory)];

    public Dictionary<int, Dictionary<Type, object>> Entities { get; } = [];

    public Dictionary<int, int> Versions { get; } = [];

    /// <summary>Every handle ever issued, live or dead, in issue order: operations pick from it.</summary>
    public List<Entity> Handles { get; } = [];

    public bool IsAlive(Entity e) => Entities.ContainsKey(e.Id) && Versions[e.Id] == e.Version;

    public Entity NextHandle()
    {
        int id = 0;
        while (Entities.ContainsKey(id))
        {
            id++;
        }

        return new Entity(id, Versions.GetValueOrDefault(id, 1));
    }

    public Entity Create(IEnumerable<object> components)
    {
        var e = NextHandle();
        Versions[e.Id] = e.Version;
        Entities[e.Id] = components.ToDictionary(c => c.GetType());
        Handles.Add(e);
        return e;
    }

    public void Destroy(Entity e)
    {
        Entities.Remove(e.Id);
        Versions[e.Id] = e.Version + 1;
    }

    public bool Matches(int id, int all, int any, int none)
    {
        var has = Entities[id];
        bool Has(int bit) => has.ContainsKey(ComponentTypes[bit]);
        var bits = Enumerable.Range(0, ComponentTypes.Length);
        return bits.Where(b => (all & (1 << b)) != 0).All(Has)
            && !bits.Where(b => (none & (1 << b)) != 0).Any(Has)
            && (any == 0 || bits.Where(b => (any & (1 << b)) != 0).Any(Has));
    }

    public static object MakeComponent(int type, int value) => type switch
    {
        0 => new Health(value),
        1 => new Position(value, -value),
        2 => new Name($"n{value}"),
        _ => new Inventory([value]),
    };

    public static QueryDescription Describe(int all, int any, int none) => new QueryDescription()
        .WithAll(TypesOf(all)).WithAny(TypesOf(any)).WithNone(TypesOf(none));

    public static Type[] TypesOf(int mask) =>
        Enumerable.Range(0, ComponentTypes.Length).Where(b => (mask & (1 << b)) != 0).Select(b => ComponentTypes[b]).ToArray();

    /// <summary>Asserts that the world holds exactly the model's entities, handles, component sets and values.</summary>
    public void AssertSameAs(EcsWorld world)
    {
        Assert.Equal(Entities.Count, world.Size);
        var listed = new List<Entity>();
        world.GetEntities(default, listed);
        Assert.Equal(Entities.Keys.Order().Select(id => new Entity(id, Versions[id])), listed);
        foreach (var (id, components) in Entities)
        {
            var e = new Entity(id, Versions[id]);
            Assert.True(world.IsAlive(e));
            Assert.Equal(components.Keys.OrderBy(t => t.AssemblyQualifiedName, StringComparer.Ordinal), world.GetComponentTypes(e));
            foreach (var (type, value) in components)
            {
                Assert.Equal(value, world.GetBoxed(e, type));
            }
        }
    }

    /// <summary>Renders a world's whole state, for comparing two worlds.</summary>
    public static string Render(EcsWorld world)
    {
        var lines = new List<string>();
        world.Query(default, (Entity e) => lines.Add(
            $"{e}: " + string.Join(", ", world.GetComponentTypes(e).Select(t => world.GetBoxed(e, t)))));
        var free = new List<Entity>();
        world.GetFreeSlots(free);
        lines.Add("free: " + string.Join(", ", free));
        return string.Join("\n", lines);
    }
}
