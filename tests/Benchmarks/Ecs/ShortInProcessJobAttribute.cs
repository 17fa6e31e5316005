using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Agents.Benchmarks.Ecs;

/// <summary>
/// A short throughput job (1 launch, 3 warm-ups, 5 iterations) run in-process: the shared machine has two
/// cores, and the default out-of-process toolchain cannot find this project (its file is Benchmarks.csproj,
/// its assembly Agents.Benchmarks).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ShortInProcessJobAttribute : JobConfigBaseAttribute
{
    public ShortInProcessJobAttribute()
        : base(Job.Default
            .WithStrategy(RunStrategy.Throughput)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(5)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("ShortInProcess"))
    {
    }
}
