using Agents.World.Ecs;
using EcsWorld = Agents.World.Ecs.World;

namespace Agents.World.Tests.Ecs;

public sealed class WorldComponentTests
{
    [Fact]
    public void Get_returns_a_reference_that_writes_through_to_storage()
    {
        using var world = EcsWorld.Create();
        var e = world.Create(new Position(1, 1));
        ref var position = ref world.Get<Position>(e);
        position.X = 42;
        Assert.Equal(42, world.Get<Position>(e).X);
    }

    [Fact]
    public void Get_of_a_missing_component_names_the_entity_the_type_and_what_it_has()
    {
        using var world = EcsWorld.Create();
        var e = world.Create(new Position(1, 1), new Health(3));
        var ex = Assert.Throws<MissingComponentException>(() => world.Get<Velocity>(e));
        Assert.Equal(typeof(Velocity), ex.ComponentType);
        Assert.Equal(e, ex.Entity);
        Assert.Contains("Entity 0 (version 1)", ex.Message);
        Assert.Contains("Velocity", ex.Message);
        Assert.Contains("Health, Position", ex.Message);
    }

    [Fact]
    public void TryGet_and_Has_report_presence_without_throwing()
    {
        using var world = EcsWorld.Create();
        var e = world.Create(new Health(9));
        Assert.True(world.TryGet<Health>(e, out var health));
        Assert.Equal(9, health.Value);
        Assert.False(world.TryGet<Position>(e, out var position));
        Assert.Equal(default, position);
        Assert.True(world.Has<Health>(e));
        Assert.False(world.Has<Position>(e));
    }

    [Fact]
    public void Set_overwrites_an_existing_component_and_refuses_a_missing_one()
    {
        using var world = EcsWorld.Create();
        var e = world.Create(new Health(1));
        world.Set(e, new Health(2));
        Assert.Equal(2, world.Get<Health>(e).Value);
        Assert.Throws<MissingComponentException>(() => world.Set(e, new Position(0, 0)));
    }

    [Fact]
    public void Add_moves_the_entity_to_a_new_archetype_and_keeps_its_other_components()
    {
        using var world = EcsWorld.Create();
        var e = world.Create(new Position(1, 2), new Name("ann"));
        world.Add(e, new Velocity(3, 4));
        Assert.Equal(new Position(1, 2), world.Get<Position>(e));
        Assert.Equal("ann", world.Get<Name>(e).Text);
        Assert.Equal(new Velocity(3, 4), world.Get<Velocity>(e));
        Assert.Equal([typeof(Name), typeof(Position), typeof(Velocity)], world.GetComponentTypes(e));
    }

    [Fact]
    public void Add_without_a_value_stores_the_default()
    {
        using var world = EcsWorld.Create();
        var e = world.Create();
        world.Add<Health>(e);
        Assert.Equal(0, world.Get<Health>(e).Value);
    }

    [Fact]
    public void Add_of_a_component_the_entity_already_has_throws_and_changes_nothing()
    {
        using var world = EcsWorld.Create();
        var e = world.Create(new Health(1));
        var ex = Assert.Throws<DuplicateComponentException>(() => world.Add(e, new Health(2)));
        Assert.Contains("Use Set", ex.Message);
        Assert.Equal(1, world.Get<Health>(e).Value);
    }

    [Fact]
    public void Remove_drops_one_component_and_keeps_the_rest()
    {
        using var world = EcsWorld.Create();
        var e = world.Create(new Position(1, 2), new Velocity(3, 4), new Health(5));
        world.Remove<Velocity>(e);
        Assert.False(world.Has<Velocity>(e));
        Assert.Equal(new Position(1, 2), world.Get<Position>(e));
        Assert.Equal(5, world.Get<Health>(e).Value);
        Assert.Throws<MissingComponentException>(() => world.Remove<Velocity>(e));
    }

    [Fact]
    public void Moving_one_entity_out_of_an_archetype_updates_the_row_of_the_entity_swapped_into_its_place()
    {
        using var world = EcsWorld.Create();
        var e = Enumerable.Range(0, 4).Select(i => world.Create(new Health(i))).ToArray();
        world.Add(e[0], new Asleep());
        world.Add(e[1], new Asleep());
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(i, world.Get<Health>(e[i]).Value);
        }

        world.Set(e[3], new Health(30));
        world.Set(e[2], new Health(20));
        var awake = new Dictionary<Entity, int>();
        world.Query(new QueryDescription().WithNone<Asleep>(), (Entity entity, ref Health h) => awake.Add(entity, h.Value));
        Assert.Equal(new Dictionary<Entity, int> { [e[2]] = 20, [e[3]] = 30 }, awake);
    }

    [Fact]
    public void Add_then_remove_returns_the_entity_to_its_first_archetype_without_creating_new_ones()
    {
        using var world = EcsWorld.Create();
        var e = world.Create(new Health(1));
        world.Add(e, new Asleep());
        world.Remove<Asleep>(e);
        int archetypes = world.ArchetypeCount;
        for (int i = 0; i < 10; i++)
        {
            world.Add(e, new Asleep());
            world.Remove<Asleep>(e);
        }

        Assert.Equal(archetypes, world.ArchetypeCount);
        Assert.Equal([typeof(Health)], world.GetComponentTypes(e));
    }

    [Fact]
    public void Managed_components_keep_their_strings_and_arrays_across_moves()
    {
        using var world = EcsWorld.Create();
        int[] items = [1, 2, 3];
        var e = world.Create(new Name("bob"), new Inventory(items));
        world.Add(e, new Health(1));
        world.Remove<Health>(e);
        Assert.Equal("bob", world.Get<Name>(e).Text);
        Assert.Same(items, world.Get<Inventory>(e).Items);
    }

    [Fact]
    public void GetBoxed_returns_a_copy_of_the_component_and_throws_for_an_absent_type()
    {
        using var world = EcsWorld.Create();
        var e = world.Create(new Position(5, 6));
        Assert.Equal(new Position(5, 6), world.GetBoxed(e, typeof(Position)));
        Assert.Throws<MissingComponentException>(() => world.GetBoxed(e, typeof(Health)));
        Assert.Throws<MissingComponentException>(() => world.GetBoxed(e, typeof(Guid)));
    }

    [Fact]
    public void Component_types_are_listed_in_the_same_order_whatever_order_they_were_given_in()
    {
        using var world = EcsWorld.Create();
        var a = world.Create(new Velocity(0, 0), new Health(0), new Position(0, 0));
        var b = world.Create();
        world.Add(b, new Position(0, 0));
        world.Add(b, new Health(0));
        world.Add(b, new Velocity(0, 0));
        Assert.Equal(world.GetComponentTypes(a), world.GetComponentTypes(b));
        Assert.Equal([typeof(Health), typeof(Position), typeof(Velocity)], world.GetComponentTypes(a));
    }
}
