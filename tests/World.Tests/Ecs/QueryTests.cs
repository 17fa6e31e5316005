using Agents.World.Ecs;
using EcsWorld = Agents.World.Ecs.World;

namespace Agents.World.Tests.Ecs;

public sealed class QueryTests
{
    private static readonly QueryDescription Moving = new QueryDescription().WithAll<Position, Velocity>();

    [Fact]
    public void Queries_match_by_all_any_and_none_sets()
    {
        using var world = EcsWorld.Create();
        var p = world.Create(new Position(0, 0));
        var pv = world.Create(new Position(0, 0), new Velocity(0, 0));
        var pva = world.Create(new Position(0, 0), new Velocity(0, 0), new Asleep());
        var h = world.Create(new Health(1));
        var nothing = world.Create();

        Assert.Equal([pv, pva], Entities(world, Moving));
        Assert.Equal([pv], Entities(world, Moving.WithNone<Asleep>()));
        Assert.Equal([pv, pva, h], Entities(world, new QueryDescription().WithAny<Velocity, Health>()));
        Assert.Equal([p, pv, pva, h, nothing], Entities(world, default));
        Assert.Equal([h, nothing], Entities(world, new QueryDescription().WithNone<Position>()));
        Assert.Equal(2, world.CountEntities(Moving));
        Assert.Equal(5, world.CountEntities(new QueryDescription()));
    }

    [Fact]
    public void With_calls_accumulate_and_descriptions_compare_by_their_sets()
    {
        var stepwise = new QueryDescription().WithAll<Velocity>().WithAll<Position>();
        Assert.Equal(Moving, stepwise);
        Assert.Equal(Moving.GetHashCode(), stepwise.GetHashCode());
        Assert.NotEqual(Moving, Moving.WithNone<Asleep>());
        Assert.Equal([typeof(Position), typeof(Velocity)], new QueryDescription().WithAll(typeof(Velocity), typeof(Position)).All);
        Assert.Equal(Moving, new QueryDescription().WithAll(typeof(Velocity), typeof(Position)));
        Assert.Equal("All(Position, Velocity) None(Asleep)", Moving.WithNone<Asleep>().ToString());
        Assert.Equal("All entities", default(QueryDescription).ToString());
    }

    [Fact]
    public void GetEntities_lists_ids_ascending_even_when_entities_sit_in_several_archetypes()
    {
        using var world = EcsWorld.Create();
        var e = Enumerable.Range(0, 6).Select(i => world.Create(new Health(i))).ToArray();
        world.Add(e[0], new Asleep());
        world.Add(e[4], new Asleep());
        var into = new List<Entity> { new(99, 1) };
        world.GetEntities(new QueryDescription().WithAll<Health>(), into);
        Assert.Equal([new Entity(99, 1), .. e], into);
    }

    [Fact]
    public void Delegate_query_writes_through_refs_to_every_matched_entity()
    {
        using var world = EcsWorld.Create();
        var moving = Enumerable.Range(0, 100).Select(i => world.Create(new Position(i, 0), new Velocity(1, 2))).ToArray();
        var still = world.Create(new Position(7, 7));
        world.Query(in Moving, (ref Position p, ref Velocity v) =>
        {
            p.X += v.X;
            p.Y += v.Y;
        });
        for (int i = 0; i < moving.Length; i++)
        {
            Assert.Equal(new Position(i + 1, 2), world.Get<Position>(moving[i]));
        }

        Assert.Equal(new Position(7, 7), world.Get<Position>(still));
    }

    [Fact]
    public void Query_type_parameters_narrow_the_match_to_entities_that_have_them()
    {
        using var world = EcsWorld.Create();
        world.Create(new Health(1));
        world.Create(new Health(2), new Position(0, 0));
        int sum = 0;
        world.Query(default, (ref Health h, ref Position _) => sum += h.Value);
        Assert.Equal(2, sum);
    }

    [Fact]
    public void Entity_delegate_query_passes_each_entity_with_its_components()
    {
        using var world = EcsWorld.Create();
        var e = Enumerable.Range(0, 5).Select(i => world.Create(new Health(i * 10))).ToArray();
        var seen = new Dictionary<Entity, int>();
        world.Query(new QueryDescription().WithAll<Health>(), (Entity entity, ref Health h) => seen.Add(entity, h.Value));
        Assert.Equal(e.ToDictionary(x => x, x => x.Id * 10), seen);
        var plain = new List<Entity>();
        world.Query(new QueryDescription().WithAll<Health>(), plain.Add);
        Assert.Equal(e, plain);
    }

    [Fact]
    public void Queries_of_three_and_four_components_see_all_of_them()
    {
        using var world = EcsWorld.Create();
        var e = world.Create(new Position(1, 0), new Velocity(2, 0), new Health(3), new Name("z"));
        float total = 0;
        world.Query(default, (ref Position p, ref Velocity v, ref Health h) => total += p.X + v.X + h.Value);
        string name = "";
        world.Query(default, (Entity entity, ref Position p, ref Velocity v, ref Health h, ref Name n) => name = $"{entity.Id}:{n.Text}:{p.X + v.X + h.Value}");
        Assert.Equal(6, total);
        Assert.Equal("0:z:6", name);
        Assert.True(world.IsAlive(e));
    }

    [Fact]
    public void Inline_query_runs_a_struct_job_and_returns_its_state_through_the_reference()
    {
        using var world = EcsWorld.Create();
        for (int i = 0; i < 50; i++)
        {
            world.Create(new Position(i, 0), new Velocity(1, 1));
        }

        var job = new MoveAndCount();
        world.InlineQuery<MoveAndCount, Position, Velocity>(in Moving, ref job);
        Assert.Equal(50, job.Count);
        var sum = new SumX();
        world.InlineQuery<SumX, Position>(default, ref sum);
        Assert.Equal(Enumerable.Range(1, 50).Sum(), sum.Total);
        world.InlineQuery<MoveAndCount, Position, Velocity>(in Moving);
        sum = default;
        world.InlineQuery<SumX, Position>(default, ref sum);
        Assert.Equal(Enumerable.Range(2, 50).Sum(), sum.Total);
    }

    [Fact]
    public void Inline_entity_query_passes_the_entity_to_the_job()
    {
        using var world = EcsWorld.Create();
        world.Create(new Health(5));
        world.Create(new Position(0, 0));
        var target = world.Create(new Health(6));
        var job = new CollectHealth { Seen = [] };
        world.InlineEntityQuery<CollectHealth, Health>(default, ref job);
        Assert.Equal([(new Entity(0, 1), 5), (target, 6)], job.Seen);
    }

    [Theory]
    [InlineData("create")]
    [InlineData("destroy")]
    [InlineData("add")]
    [InlineData("remove")]
    public void Structural_change_inside_a_query_throws_and_points_to_the_command_buffer(string change)
    {
        using var world = EcsWorld.Create();
        var e = world.Create(new Health(1), new Position(0, 0));
        var ex = Assert.Throws<StructuralChangeException>(() => world.Query(default, (ref Health _) =>
        {
            switch (change)
            {
                case "create": world.Create(new Health(2)); break;
                case "destroy": world.Destroy(e); break;
                case "add": world.Add(e, new Asleep()); break;
                default: world.Remove<Position>(e); break;
            }
        }));
        Assert.IsAssignableFrom<InvalidOperationException>(ex);
        Assert.Contains("CommandBuffer", ex.Message);
        Assert.Equal(1, world.Size);
        Assert.Equal([typeof(Health), typeof(Position)], world.GetComponentTypes(e));
    }

    [Fact]
    public void Structural_change_inside_an_inline_query_throws_too()
    {
        using var world = EcsWorld.Create();
        world.Create(new Health(1));
        var job = new CreatesInside { World = world };
        Assert.Throws<StructuralChangeException>(() => world.InlineQuery<CreatesInside, Health>(default, ref job));
    }

    [Fact]
    public void Set_and_get_on_other_entities_are_allowed_inside_a_query()
    {
        using var world = EcsWorld.Create();
        var other = world.Create(new Position(0, 0));
        world.Create(new Health(4));
        world.Query(new QueryDescription().WithAll<Health>(), (ref Health h) =>
        {
            world.Set(other, new Position(h.Value, 0));
            world.Get<Position>(other).Y = 1;
        });
        Assert.Equal(new Position(4, 1), world.Get<Position>(other));
    }

    [Fact]
    public void Structural_changes_are_allowed_again_after_a_query_ends_even_by_an_exception()
    {
        using var world = EcsWorld.Create();
        world.Create(new Health(1));
        Assert.Throws<InvalidCastException>(() => world.Query(default, (ref Health _) => throw new InvalidCastException()));
        world.Query(default, (ref Health _) => world.Query(default, (ref Health _) => { }));
        world.Create(new Health(2));
        Assert.Equal(2, world.Size);
    }

    [Fact]
    public void Queries_see_archetypes_created_after_their_first_use()
    {
        using var world = EcsWorld.Create();
        world.Create(new Position(0, 0), new Velocity(0, 0));
        Assert.Equal(1, world.CountEntities(Moving));
        world.Create(new Position(0, 0), new Velocity(0, 0), new Health(1));
        Assert.Equal(2, world.CountEntities(Moving));
    }

    private static List<Entity> Entities(EcsWorld world, QueryDescription description)
    {
        var list = new List<Entity>();
        world.GetEntities(description, list);
        return list;
    }

    private struct MoveAndCount : IForEach<Position, Velocity>
    {
        public int Count;

        public void Update(ref Position p, ref Velocity v)
        {
            p.X += v.X;
            Count++;
        }
    }

    private struct SumX : IForEach<Position>
    {
        public float Total;

        public void Update(ref Position p) => Total += p.X;
    }

    private struct CollectHealth : IForEachWithEntity<Health>
    {
        public List<(Entity, int)> Seen;

        public readonly void Update(Entity entity, ref Health h) => Seen.Add((entity, h.Value));
    }

    private struct CreatesInside : IForEach<Health>
    {
        public EcsWorld World;

        public readonly void Update(ref Health h) => World.Create(new Health(h.Value));
    }
}
