using Agents.World.Ecs;
using BenchmarkDotNet.Attributes;
using EcsWorld = Agents.World.Ecs.World;

namespace Agents.Benchmarks.Ecs;

/// <summary>
/// Creating and destroying 100k entities of two components in a warm world (ids recycled, storage grown), and
/// moving them between archetypes; the baseline writes and clears the same data in plain arrays.
/// </summary>
[ShortInProcessJob]
[MemoryDiagnoser]
public class EcsStructuralBenchmarks
{
    private const int Count = 100_000;

    private readonly Entity[] handles = new Entity[Count];
    private EcsWorld world = null!;
    private BenchPosition[] positions = [];
    private BenchVelocity[] velocities = [];

    [GlobalSetup]
    public void Setup()
    {
        world = EcsWorld.Create(Count);
        positions = new BenchPosition[Count];
        velocities = new BenchVelocity[Count];
        CreateAndDestroy100k();
    }

    [GlobalCleanup]
    public void Cleanup() => world.Dispose();

    [Benchmark(Baseline = true)]
    public void PlainArraysFillAndClear100k()
    {
        for (int i = 0; i < Count; i++)
        {
            positions[i] = new BenchPosition { X = i };
            velocities[i] = new BenchVelocity { Y = i };
        }

        Array.Clear(positions);
        Array.Clear(velocities);
    }

    [Benchmark]
    public void CreateAndDestroy100k()
    {
        for (int i = 0; i < Count; i++)
        {
            handles[i] = world.Create(new BenchPosition { X = i }, new BenchVelocity { Y = i });
        }

        for (int i = 0; i < Count; i++)
        {
            world.Destroy(handles[i]);
        }
    }

    [Benchmark]
    public void CreateAddRemoveDestroy100k()
    {
        for (int i = 0; i < Count; i++)
        {
            handles[i] = world.Create(new BenchPosition { X = i });
        }

        for (int i = 0; i < Count; i++)
        {
            world.Add(handles[i], new BenchVelocity { Y = i });
        }

        for (int i = 0; i < Count; i++)
        {
            world.Remove<BenchVelocity>(handles[i]);
        }

        for (int i = 0; i < Count; i++)
        {
            world.Destroy(handles[i]);
        }
    }
}
