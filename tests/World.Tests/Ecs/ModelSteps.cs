using Agents.World.Ecs;
using CsCheck;
using EcsWorld = Agents.World.Ecs.World;

namespace Agents.World.Tests.Ecs;

/// <summary>Random operations and how each is applied to a world and to <see cref="EcsModel"/> at once.</summary>
internal static class ModelSteps
{
    public static readonly Gen<EcsOperation> Operation = Gen.Frequency(
        (5, Gen.Select(Gen.Int[0, 15], Gen.Int[0, 1000], Gen.Int[0, 2], (m, v, via) => (EcsOperation)new CreateOperation(m, v, via))),
        (2, Gen.Int[0, 10_000].Select(p => (EcsOperation)new DestroyOperation(p))),
        (3, Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 3], Gen.Int[0, 1000], (p, t, v) => (EcsOperation)new AddOperation(p, t, v))),
        (2, Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 3], (p, t) => (EcsOperation)new RemoveOperation(p, t))),
        (2, Gen.Select(Gen.Int[0, 10_000], Gen.Int[0, 3], Gen.Int[0, 1000], (p, t, v) => (EcsOperation)new SetOperation(p, t, v))),
        (1, Gen.Select(Gen.Int[0, 15], Gen.Int[0, 15], Gen.Int[0, 15], (a, y, n) => (EcsOperation)new QueryOperation(a, y, n))));

    /// <summary>Applies an operation to world and model, asserting the world's result or exception is the one the model predicts.</summary>
    public static void Apply(EcsWorld world, EcsModel model, EcsOperation operation)
    {
        switch (operation)
        {
            case CreateOperation create:
            {
                var components = ComponentsOf(create.Mask, create.Value);
                var expected = model.NextHandle();
                var e = create.Via switch
                {
                    0 => world.Create(components),
                    1 => TypedCalls.CreateByAdding(world, components),
                    _ => TypedCalls.CreateTyped(world, components),
                };
                Assert.Equal(expected, e);
                model.Create(components);
                return;
            }

            case DestroyOperation destroy when Pick(model, destroy.Pick) is { } e:
                if (!model.IsAlive(e))
                {
                    Assert.Throws<StaleEntityException>(() => world.Destroy(e));
                    return;
                }

                world.Destroy(e);
                model.Destroy(e);
                Assert.False(world.IsAlive(e));
                return;

            case AddOperation add when Pick(model, add.Pick) is { } e:
            {
                var component = EcsModel.MakeComponent(add.Type, add.Value);
                if (!model.IsAlive(e))
                {
                    Assert.Throws<StaleEntityException>(() => TypedCalls.AddTyped(world, e, component));
                }
                else if (model.Entities[e.Id].ContainsKey(component.GetType()))
                {
                    Assert.Throws<DuplicateComponentException>(() => TypedCalls.AddTyped(world, e, component));
                }
                else
                {
                    TypedCalls.AddTyped(world, e, component);
                    model.Entities[e.Id].Add(component.GetType(), component);
                }

                return;
            }

            case RemoveOperation remove when Pick(model, remove.Pick) is { } e:
            {
                var type = EcsModel.ComponentTypes[remove.Type];
                if (!model.IsAlive(e))
                {
                    Assert.Throws<StaleEntityException>(() => TypedCalls.RemoveTyped(world, e, remove.Type));
                }
                else if (!model.Entities[e.Id].ContainsKey(type))
                {
                    Assert.Throws<MissingComponentException>(() => TypedCalls.RemoveTyped(world, e, remove.Type));
                }
                else
                {
                    TypedCalls.RemoveTyped(world, e, remove.Type);
                    model.Entities[e.Id].Remove(type);
                }

                return;
            }

            case SetOperation set when Pick(model, set.Pick) is { } e:
            {
                var component = EcsModel.MakeComponent(set.Type, set.Value);
                if (!model.IsAlive(e))
                {
                    Assert.Throws<StaleEntityException>(() => TypedCalls.SetTyped(world, e, component));
                }
                else if (!model.Entities[e.Id].ContainsKey(component.GetType()))
                {
                    Assert.Throws<MissingComponentException>(() => TypedCalls.SetTyped(world, e, component));
                }
                else
                {
                    TypedCalls.SetTyped(world, e, component);
                    model.Entities[e.Id][component.GetType()] = component;
                    Assert.Equal(component, world.GetBoxed(e, component.GetType()));
                }

                return;
            }

            case QueryOperation query:
                AssertQuery(world, model, query);
                return;
        }
    }

    /// <summary>Records a valid operation into a buffer (targeting placeholders for buffered creations) and applies it directly.</summary>
    public static void Record(EcsWorld direct, EcsModel model, CommandBuffer buffer, Dictionary<Entity, Entity> placeholders, EcsOperation operation)
    {
        Entity Target(Entity e) => placeholders.GetValueOrDefault(e, e);
        switch (operation)
        {
            case CreateOperation create:
            {
                var components = ComponentsOf(create.Mask, create.Value);
                var placeholder = create.Via switch
                {
                    0 => buffer.Create(components),
                    1 => TypedCalls.CreateByAddingInBuffer(buffer, components),
                    _ => TypedCalls.CreateTypedInBuffer(buffer, components),
                };
                var e = create.Via switch
                {
                    0 => direct.Create(components),
                    1 => TypedCalls.CreateByAdding(direct, components),
                    _ => TypedCalls.CreateTyped(direct, components),
                };
                Assert.Equal(e, model.Create(components));
                placeholders[e] = placeholder;
                return;
            }

            case DestroyOperation destroy when Pick(model, destroy.Pick) is { } e && model.IsAlive(e):
                buffer.Destroy(Target(e));
                direct.Destroy(e);
                model.Destroy(e);
                return;

            case AddOperation add when Pick(model, add.Pick) is { } e && model.IsAlive(e):
            {
                var component = EcsModel.MakeComponent(add.Type, add.Value);
                if (model.Entities[e.Id].TryAdd(component.GetType(), component))
                {
                    TypedCalls.AddInBuffer(buffer, Target(e), component);
                    TypedCalls.AddTyped(direct, e, component);
                }

                return;
            }

            case RemoveOperation remove when Pick(model, remove.Pick) is { } e && model.IsAlive(e):
                if (model.Entities[e.Id].Remove(EcsModel.ComponentTypes[remove.Type]))
                {
                    TypedCalls.RemoveInBuffer(buffer, Target(e), remove.Type);
                    TypedCalls.RemoveTyped(direct, e, remove.Type);
                }

                return;

            case SetOperation set when Pick(model, set.Pick) is { } e && model.IsAlive(e):
            {
                var component = EcsModel.MakeComponent(set.Type, set.Value);
                if (model.Entities[e.Id].ContainsKey(component.GetType()))
                {
                    model.Entities[e.Id][component.GetType()] = component;
                    TypedCalls.SetInBuffer(buffer, Target(e), component);
                    TypedCalls.SetTyped(direct, e, component);
                }

                return;
            }
        }
    }

    private static void AssertQuery(EcsWorld world, EcsModel model, QueryOperation query)
    {
        var description = EcsModel.Describe(query.All, query.Any, query.None);
        var expected = model.Entities.Keys.Where(id => model.Matches(id, query.All, query.Any, query.None)).Order()
            .Select(id => new Entity(id, model.Versions[id])).ToList();
        var listed = new List<Entity>();
        world.GetEntities(description, listed);
        Assert.Equal(expected, listed);
        Assert.Equal(expected.Count, world.CountEntities(description));

        var healthSeen = new SortedDictionary<int, int>();
        world.Query(description, (Entity e, ref Health h) => healthSeen.Add(e.Id, h.Value));
        var healthExpected = new SortedDictionary<int, int>(expected
            .Where(e => model.Entities[e.Id].ContainsKey(typeof(Health)))
            .ToDictionary(e => e.Id, e => ((Health)model.Entities[e.Id][typeof(Health)]).Value));
        Assert.Equal(healthExpected, healthSeen);

        var job = new CountHealthAndPosition();
        world.InlineQuery<CountHealthAndPosition, Health, Position>(description, ref job);
        Assert.Equal(expected.Count(e => model.Entities[e.Id].ContainsKey(typeof(Health)) && model.Entities[e.Id].ContainsKey(typeof(Position))), job.Count);
    }

    private static Entity? Pick(EcsModel model, int pick) =>
        model.Handles.Count == 0 ? null : model.Handles[pick % model.Handles.Count];

    private static object[] ComponentsOf(int mask, int value) =>
        Enumerable.Range(0, EcsModel.ComponentTypes.Length).Where(b => (mask & (1 << b)) != 0)
            .Select(b => EcsModel.MakeComponent(b, value + b)).ToArray();

    private struct CountHealthAndPosition : IForEach<Health, Position>
    {
        public int Count;

        public void Update(ref Health h, ref Position p) => Count++;
    }
}
