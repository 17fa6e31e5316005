using Agents.World.Ecs;
using EcsWorld = Agents.World.Ecs.World;

namespace Agents.World.Tests.Ecs;

public sealed class CommandBufferTests
{
    private static readonly QueryDescription WithHealth = new QueryDescription().WithAll<Health>();

    [Fact]
    public void Changes_recorded_during_a_query_are_applied_at_playback()
    {
        using var world = EcsWorld.Create();
        var e = Enumerable.Range(0, 6).Select(i => world.Create(new Health(i))).ToArray();
        var buffer = new CommandBuffer();
        world.Query(in WithHealth, (Entity entity, ref Health h) =>
        {
            if (h.Value % 2 == 0)
            {
                buffer.Destroy(entity);
            }
            else
            {
                buffer.Add(entity, new Asleep());
                buffer.Set(entity, new Health(h.Value * 10));
            }
        });
        Assert.Equal(6, world.Size);
        Assert.Equal(9, buffer.Count);

        buffer.Playback(world);

        Assert.Equal(3, world.Size);
        Assert.Equal(0, buffer.Count);
        Assert.False(world.IsAlive(e[0]));
        Assert.Equal(30, world.Get<Health>(e[3]).Value);
        Assert.True(world.Has<Asleep>(e[5]));
    }

    [Fact]
    public void Placeholders_from_buffered_creations_can_be_targeted_by_later_commands()
    {
        using var world = EcsWorld.Create();
        var buffer = new CommandBuffer();
        var a = buffer.Create(new Health(1), new Position(2, 3));
        var b = buffer.Create();
        var c = buffer.Create(new Name("boxed"), new Health(4));
        buffer.Add(b, new Name("bee"));
        buffer.Remove<Position>(a);
        buffer.Set(a, new Health(11));
        buffer.Destroy(c);
        Assert.True(a.Id < 0);
        Assert.Contains("placeholder", a.ToString());

        buffer.Playback(world);

        var live = new List<Entity>();
        world.GetEntities(default, live);
        Assert.Equal([new Entity(0, 1), new Entity(1, 1)], live);
        Assert.Equal([typeof(Health)], world.GetComponentTypes(live[0]));
        Assert.Equal(11, world.Get<Health>(live[0]).Value);
        Assert.Equal("bee", world.Get<Name>(live[1]).Text);
    }

    [Fact]
    public void A_placeholder_used_on_the_world_is_reported_as_not_yet_an_entity()
    {
        using var world = EcsWorld.Create();
        var buffer = new CommandBuffer();
        var placeholder = buffer.Create(new Health(1));
        var ex = Assert.Throws<StaleEntityException>(() => world.Get<Health>(placeholder));
        Assert.Contains("CommandBuffer placeholder", ex.Message);
    }

    [Fact]
    public void A_placeholder_of_another_buffer_is_refused_when_recorded()
    {
        var first = new CommandBuffer();
        first.Create();
        first.Create();
        var foreign = first.Create();
        var second = new CommandBuffer();
        Assert.Throws<ArgumentException>(() => second.Destroy(foreign));
    }

    [Fact]
    public void Playback_during_a_query_throws_and_keeps_the_commands_for_later()
    {
        using var world = EcsWorld.Create();
        var e = world.Create(new Health(1));
        var buffer = new CommandBuffer();
        buffer.Destroy(e);
        Assert.Throws<StructuralChangeException>(() => world.Query(in WithHealth, (ref Health _) => buffer.Playback(world)));
        Assert.Equal(1, buffer.Count);
        buffer.Playback(world);
        Assert.Equal(0, world.Size);
    }

    [Fact]
    public void A_failing_command_names_its_position_and_cause_and_earlier_commands_stay_applied()
    {
        using var world = EcsWorld.Create();
        var a = world.Create(new Health(1));
        var b = world.Create(new Health(2));
        var buffer = new CommandBuffer();
        buffer.Set(a, new Health(10));
        buffer.Destroy(b);
        buffer.Set(b, new Health(20));
        buffer.Add(a, new Asleep());

        var ex = Assert.Throws<CommandBufferPlaybackException>(() => buffer.Playback(world));

        Assert.Equal(2, ex.CommandIndex);
        Assert.IsType<StaleEntityException>(ex.InnerException);
        Assert.Contains("command 2 of 4", ex.Message);
        Assert.Contains("Set Health on Entity 1 (version 1)", ex.Message);
        Assert.Equal(10, world.Get<Health>(a).Value);
        Assert.False(world.Has<Asleep>(a));
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void Recording_checks_component_values_at_once()
    {
        var buffer = new CommandBuffer();
        Assert.Throws<DuplicateComponentException>(() => buffer.Create(new Health(1), new Health(2)));
        Assert.Throws<InvalidComponentException>(() => buffer.Create(new Health(1), null!));
        Assert.Throws<InvalidComponentException>(() => buffer.Create(new object()));
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void A_buffer_is_reusable_after_playback_and_after_clear()
    {
        using var world = EcsWorld.Create();
        var buffer = new CommandBuffer();
        buffer.Create(new Health(1));
        buffer.Playback(world);
        buffer.Create(new Health(2));
        buffer.Clear();
        buffer.Playback(world);
        var p = buffer.Create(new Health(3));
        buffer.Set(p, new Health(4));
        buffer.Playback(world);
        var all = new List<Entity>();
        world.GetEntities(default, all);
        Assert.Equal([1, 4], all.Select(e => world.Get<Health>(e).Value));
    }
}
