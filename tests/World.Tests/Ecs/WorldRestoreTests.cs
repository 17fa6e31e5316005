using Agents.World.Ecs;
using CsCheck;
using EcsWorld = Agents.World.Ecs.World;

namespace Agents.World.Tests.Ecs;

public sealed class WorldRestoreTests
{
    [Fact]
    public void A_world_restored_in_iteration_order_matches_the_original_now_and_after_further_calls()
    {
        Gen.Select(ModelSteps.Operation.Array[1, 80], ModelSteps.Operation.Array[0, 80]).Sample(
            (before, after) =>
            {
                using var original = EcsWorld.Create();
                var model = new EcsModel();
                foreach (var operation in before)
                {
                    ModelSteps.Apply(original, model, operation);
                }

                using var restored = Restore(original);
                Assert.Equal(EcsModel.Render(original), EcsModel.Render(restored));

                using var scratch = EcsWorld.Create();
                var restoredModel = new EcsModel();
                foreach (var operation in before)
                {
                    ModelSteps.Apply(scratch, restoredModel, operation);
                }

                foreach (var operation in after)
                {
                    ModelSteps.Apply(original, model, operation);
                    ModelSteps.Apply(restored, restoredModel, operation);
                }

                Assert.Equal(EcsModel.Render(original), EcsModel.Render(restored));
            },
            iter: 200,
            threads: 1,
            print: t => string.Join("\n", t.Item1) + "\n--- after restore ---\n" + string.Join("\n", t.Item2));
    }

    [Fact]
    public void Iteration_order_of_archetypes_does_not_depend_on_the_order_they_were_created_in()
    {
        using var first = EcsWorld.Create();
        first.Create(new Health(1));
        first.Create(new Position(2, 2));
        first.Create(new Health(3), new Position(3, 3));
        using var second = EcsWorld.Create();
        second.Recreate(new Entity(2, 1), new Health(3), new Position(3, 3));
        second.Recreate(new Entity(1, 1), new Position(2, 2));
        second.Recreate(new Entity(0, 1), new Health(1));
        Assert.Equal(Order(first), Order(second));
    }

    /// <summary>What a snapshot writer does: entities in iteration order with their boxed components, then the free slots.</summary>
    private static EcsWorld Restore(EcsWorld original)
    {
        var entities = new List<(Entity Handle, object[] Components)>();
        original.Query(default, (Entity e) =>
            entities.Add((e, original.GetComponentTypes(e).Select(t => original.GetBoxed(e, t)).ToArray())));
        var free = new List<Entity>();
        original.GetFreeSlots(free);

        var restored = EcsWorld.Create();
        foreach (var (handle, components) in entities)
        {
            restored.Recreate(handle, components);
        }

        foreach (var slot in free)
        {
            restored.RestoreFreeSlot(slot);
        }

        return restored;
    }

    private static List<Entity> Order(EcsWorld world)
    {
        var order = new List<Entity>();
        world.Query(default, order.Add);
        return order;
    }
}
