using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Agents.Benchmarks.Map;

/// <summary>
/// A short job run in the benchmark process itself: the out-of-process toolchain looks for a project file named
/// after the assembly (Agents.Benchmarks.csproj), which this repository names Benchmarks.csproj.
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    public ShortInProcessConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Throughput)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(5)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("ShortInProcess"));
    }
}
