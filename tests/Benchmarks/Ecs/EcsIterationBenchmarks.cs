using Agents.World.Ecs;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using EcsWorld = Agents.World.Ecs.World;

namespace Agents.Benchmarks.Ecs;

/// <summary>
/// Iterating 1, 2 and 3 components with the delegate query and the inlined struct-job query, against a plain
/// array loop doing the same arithmetic over the same data (the baseline of each category).
/// </summary>
[ShortInProcessJob]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EcsIterationBenchmarks
{
    private static readonly QueryDescription Drifting = new QueryDescription().WithAll<BenchPosition>();
    private static readonly QueryDescription Moving = new QueryDescription().WithAll<BenchPosition, BenchVelocity>();
    private static readonly QueryDescription Accelerating = new QueryDescription().WithAll<BenchPosition, BenchVelocity, BenchAcceleration>();

    private EcsWorld world = null!;
    private BenchPosition[] positions = [];
    private BenchVelocity[] velocities = [];
    private BenchAcceleration[] accelerations = [];

    /// <summary>Number of entities.</summary>
    [Params(100_000, 1_000_000)]
    public int Entities { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        world = EcsWorld.Create(Entities);
        positions = new BenchPosition[Entities];
        velocities = new BenchVelocity[Entities];
        accelerations = new BenchAcceleration[Entities];
        for (int i = 0; i < Entities; i++)
        {
            var p = new BenchPosition { X = i, Y = -i };
            var v = new BenchVelocity { X = 1, Y = 0.5f };
            var a = new BenchAcceleration { X = 0.001f, Y = 0.002f };
            positions[i] = p;
            velocities[i] = v;
            accelerations[i] = a;
            world.Create(p, v, a);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => world.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("1 component")]
    public void PlainArrays1()
    {
        var ps = positions;
        for (int i = 0; i < ps.Length; i++)
        {
            ps[i].X += 1f;
            ps[i].Y += 1f;
        }
    }

    [Benchmark, BenchmarkCategory("1 component")]
    public void Query1() => world.Query(in Drifting, (ref BenchPosition p) =>
    {
        p.X += 1f;
        p.Y += 1f;
    });

    [Benchmark, BenchmarkCategory("1 component")]
    public void InlineQuery1() => world.InlineQuery<DriftJob, BenchPosition>(in Drifting);

    [Benchmark(Baseline = true), BenchmarkCategory("2 components")]
    public void PlainArrays2()
    {
        var ps = positions;
        var vs = velocities;
        for (int i = 0; i < ps.Length; i++)
        {
            ps[i].X += vs[i].X;
            ps[i].Y += vs[i].Y;
        }
    }

    [Benchmark, BenchmarkCategory("2 components")]
    public void Query2() => world.Query(in Moving, (ref BenchPosition p, ref BenchVelocity v) =>
    {
        p.X += v.X;
        p.Y += v.Y;
    });

    [Benchmark, BenchmarkCategory("2 components")]
    public void InlineQuery2() => world.InlineQuery<MoveJob, BenchPosition, BenchVelocity>(in Moving);

    [Benchmark(Baseline = true), BenchmarkCategory("3 components")]
    public void PlainArrays3()
    {
        var ps = positions;
        var vs = velocities;
        var acs = accelerations;
        for (int i = 0; i < ps.Length; i++)
        {
            vs[i].X += acs[i].X;
            vs[i].Y += acs[i].Y;
            ps[i].X += vs[i].X;
            ps[i].Y += vs[i].Y;
        }
    }

    [Benchmark, BenchmarkCategory("3 components")]
    public void Query3() => world.Query(in Accelerating, (ref BenchPosition p, ref BenchVelocity v, ref BenchAcceleration a) =>
    {
        v.X += a.X;
        v.Y += a.Y;
        p.X += v.X;
        p.Y += v.Y;
    });

    [Benchmark, BenchmarkCategory("3 components")]
    public void InlineQuery3() => world.InlineQuery<AccelerateJob, BenchPosition, BenchVelocity, BenchAcceleration>(in Accelerating);
}
