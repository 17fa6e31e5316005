using Agents.World.Ecs;
using EcsWorld = Agents.World.Ecs.World;

namespace Agents.World.Tests.Ecs;

public sealed class WorldEntityTests
{
    [Fact]
    public void Created_entities_get_ascending_ids_starting_at_version_one()
    {
        using var world = EcsWorld.Create();
        var a = world.Create();
        var b = world.Create(new Position(1, 2));
        var c = world.Create(new Position(1, 2), new Velocity(3, 4));
        Assert.Equal([new Entity(0, 1), new Entity(1, 1), new Entity(2, 1)], [a, b, c]);
        Assert.Equal(3, world.Size);
        Assert.True(world.IsAlive(a) && world.IsAlive(b) && world.IsAlive(c));
    }

    [Fact]
    public void Destroyed_ids_are_reused_lowest_first_with_a_new_version()
    {
        using var world = EcsWorld.Create();
        var e = Enumerable.Range(0, 5).Select(_ => world.Create(new Health(1))).ToArray();
        world.Destroy(e[3]);
        world.Destroy(e[1]);
        Assert.Equal(3, world.Size);
        Assert.Equal(new Entity(1, 2), world.Create());
        Assert.Equal(new Entity(3, 2), world.Create());
        Assert.Equal(new Entity(5, 1), world.Create());
    }

    [Fact]
    public void Destroyed_entity_is_no_longer_alive_and_its_handle_is_reported_stale()
    {
        using var world = EcsWorld.Create();
        var e = world.Create(new Health(5));
        world.Destroy(e);
        Assert.False(world.IsAlive(e));
        var ex = Assert.Throws<StaleEntityException>(() => world.Get<Health>(e));
        Assert.Equal(e, ex.Entity);
        Assert.Contains("Entity 0 (version 1)", ex.Message);
        Assert.Contains("destroyed", ex.Message);
    }

    [Fact]
    public void Handle_to_a_recycled_id_is_stale_and_the_message_names_the_new_occupant()
    {
        using var world = EcsWorld.Create();
        var old = world.Create(new Health(5));
        world.Destroy(old);
        var occupant = world.Create(new Health(7));
        Assert.Equal(old.Id, occupant.Id);
        var ex = Assert.Throws<StaleEntityException>(() => world.Set(old, new Health(1)));
        Assert.Contains("reused by Entity 0 (version 2)", ex.Message);
        Assert.Equal(7, world.Get<Health>(occupant).Value);
    }

    [Fact]
    public void Destroying_twice_throws_a_stale_entity_exception()
    {
        using var world = EcsWorld.Create();
        var e = world.Create();
        world.Destroy(e);
        Assert.Throws<StaleEntityException>(() => world.Destroy(e));
        Assert.Equal(0, world.Size);
    }

    [Theory]
    [InlineData(0, 0, "Entity.Null")]
    [InlineData(99, 1, "no entity with this id")]
    [InlineData(0, 5, "never issued")]
    [InlineData(-3, 4, "malformed")]
    public void Handles_that_were_never_valid_are_rejected_with_the_reason(int id, int version, string reason)
    {
        using var world = EcsWorld.Create();
        world.Create();
        var ex = Assert.Throws<StaleEntityException>(() => world.Has<Health>(new Entity(id, version)));
        Assert.Contains(reason, ex.Message);
        Assert.False(world.IsAlive(new Entity(id, version)));
    }

    [Fact]
    public void Destroy_moves_the_last_row_into_the_hole_and_keeps_every_other_entity_intact()
    {
        using var world = EcsWorld.Create();
        var e = Enumerable.Range(0, 10).Select(i => world.Create(new Health(i), new Name($"n{i}"))).ToArray();
        world.Destroy(e[2]);
        world.Destroy(e[0]);
        world.Destroy(e[9]);
        foreach (var i in new[] { 1, 3, 4, 5, 6, 7, 8 })
        {
            Assert.Equal(i, world.Get<Health>(e[i]).Value);
            Assert.Equal($"n{i}", world.Get<Name>(e[i]).Text);
        }
    }

    [Fact]
    public void Boxed_creation_rejects_null_classes_and_duplicate_types_with_clear_messages()
    {
        using var world = EcsWorld.Create();
        var nullEx = Assert.Throws<InvalidComponentException>(() => world.Create(new Health(1), null!));
        Assert.Contains("index 1 is null", nullEx.Message);
        var classEx = Assert.Throws<InvalidComponentException>(() => world.Create("not a struct"));
        Assert.Contains("System.String", classEx.Message);
        Assert.Contains("a class", classEx.Message);
        var dup = Assert.Throws<DuplicateComponentException>(() => world.Create(new Health(1), new Health(2)));
        Assert.Equal(typeof(Health), dup.ComponentType);
        Assert.Equal(0, world.Size);
    }

    [Fact]
    public void Typed_creation_with_a_type_given_twice_throws_and_creates_nothing()
    {
        using var world = EcsWorld.Create();
        Assert.Throws<DuplicateComponentException>(() => world.Create(new Health(1), new Position(0, 0), new Health(2)));
        Assert.Equal(0, world.Size);
    }

    [Fact]
    public void Typed_creation_of_six_components_stores_every_value()
    {
        using var world = EcsWorld.Create();
        var e = world.Create(new Position(1, 2), new Velocity(3, 4), new Health(5), new Name("x"), new Inventory([6]), default(Asleep));
        Assert.Equal(new Position(1, 2), world.Get<Position>(e));
        Assert.Equal(new Velocity(3, 4), world.Get<Velocity>(e));
        Assert.Equal(5, world.Get<Health>(e).Value);
        Assert.Equal("x", world.Get<Name>(e).Text);
        Assert.Equal([6], world.Get<Inventory>(e).Items);
        Assert.True(world.Has<Asleep>(e));
    }

    [Fact]
    public void Recreate_restores_exact_handles_and_later_creations_reuse_the_gaps_lowest_first()
    {
        using var world = EcsWorld.Create();
        world.Recreate(new Entity(4, 3), new Health(4));
        world.Recreate(new Entity(1, 7), new Health(1), new Name("one"));
        Assert.Equal(2, world.Size);
        Assert.True(world.IsAlive(new Entity(4, 3)));
        Assert.Equal("one", world.Get<Name>(new Entity(1, 7)).Text);
        Assert.Equal([0, 2, 3, 5], Enumerable.Range(0, 4).Select(_ => world.Create().Id));
    }

    [Fact]
    public void Recreate_refuses_an_id_that_is_alive()
    {
        using var world = EcsWorld.Create();
        var e = world.Create(new Health(1));
        var ex = Assert.Throws<EntityIdInUseException>(() => world.Recreate(new Entity(e.Id, 9), new Health(2)));
        Assert.Contains("id 0 is alive", ex.Message);
        Assert.Equal(1, world.Get<Health>(e).Value);
        Assert.Throws<ArgumentException>(() => world.Recreate(Entity.Null));
    }

    [Fact]
    public void Free_slots_round_trip_so_a_restored_world_issues_the_same_handles()
    {
        using var original = EcsWorld.Create();
        var e = Enumerable.Range(0, 6).Select(i => original.Create(new Health(i))).ToArray();
        original.Destroy(e[4]);
        original.Destroy(e[1]);
        var recycled = original.Create();
        original.Destroy(recycled);
        var free = new List<Entity>();
        original.GetFreeSlots(free);
        Assert.Equal([new Entity(1, 3), new Entity(4, 2)], free);

        using var restored = EcsWorld.Create();
        foreach (var live in new[] { e[0], e[2], e[3], e[5] })
        {
            restored.Recreate(live, new Health(live.Id));
        }

        foreach (var slot in free)
        {
            restored.RestoreFreeSlot(slot);
        }

        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(original.Create(), restored.Create());
        }
    }

    [Fact]
    public void A_disposed_world_refuses_further_use()
    {
        var world = EcsWorld.Create();
        var e = world.Create(new Health(1));
        world.Dispose();
        Assert.False(world.IsAlive(e));
        Assert.Throws<ObjectDisposedException>(() => world.Create());
        Assert.Contains("disposed", Assert.Throws<StaleEntityException>(() => world.Get<Health>(e)).Message);
        world.Dispose();
    }
}
