using Agents.World.Ecs;
using CsCheck;
using EcsWorld = Agents.World.Ecs.World;

namespace Agents.World.Tests.Ecs;

public sealed class WorldPropertyTests
{
    [Fact]
    public void World_agrees_with_a_dictionary_model_over_random_operation_sequences()
    {
        ModelSteps.Operation.Array[1, 150].Sample(
            operations =>
            {
                using var world = EcsWorld.Create();
                var model = new EcsModel();
                foreach (var operation in operations)
                {
                    ModelSteps.Apply(world, model, operation);
                    Assert.Equal(model.Entities.Count, world.Size);
                }

                model.AssertSameAs(world);
            },
            iter: 400,
            threads: 1,
            print: operations => string.Join("\n", operations));
    }

    [Fact]
    public void Command_buffer_playback_ends_in_the_same_state_as_the_same_calls_made_directly()
    {
        Gen.Select(ModelSteps.Operation.Array[0, 40], ModelSteps.Operation.Array[1, 60]).Sample(
            (prefix, recorded) =>
            {
                using var direct = EcsWorld.Create();
                using var buffered = EcsWorld.Create();
                var model = new EcsModel();
                foreach (var operation in prefix)
                {
                    ModelSteps.Apply(direct, model, operation);
                }

                var replay = new EcsModel();
                foreach (var operation in prefix)
                {
                    ModelSteps.Apply(buffered, replay, operation);
                }

                var buffer = new CommandBuffer();
                var placeholders = new Dictionary<Entity, Entity>();
                foreach (var operation in recorded)
                {
                    ModelSteps.Record(direct, model, buffer, placeholders, operation);
                }

                buffered.Query(default, (Entity _) => { });
                buffer.Playback(buffered);
                Assert.Equal(0, buffer.Count);
                Assert.Equal(EcsModel.Render(direct), EcsModel.Render(buffered));
                model.AssertSameAs(buffered);
            },
            iter: 300,
            threads: 1,
            print: t => string.Join("\n", t.Item1) + "\n--- recorded ---\n" + string.Join("\n", t.Item2));
    }

    [Fact]
    public void The_same_calls_give_the_same_ids_and_the_same_iteration_order()
    {
        ModelSteps.Operation.Array[1, 120].Sample(
            operations =>
            {
                string Run()
                {
                    using var world = EcsWorld.Create();
                    var model = new EcsModel();
                    foreach (var operation in operations)
                    {
                        ModelSteps.Apply(world, model, operation);
                    }

                    var order = new List<string>();
                    world.Query(default, (Entity e, ref Health h) => order.Add($"{e}={h.Value}"));
                    return string.Join(";", order) + "\n" + EcsModel.Render(world);
                }

                Assert.Equal(Run(), Run());
            },
            iter: 100,
            threads: 1);
    }
}
