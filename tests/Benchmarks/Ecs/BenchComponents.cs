namespace Agents.Benchmarks.Ecs;

/// <summary>Benchmark position.</summary>
public struct BenchPosition
{
    public float X;
    public float Y;
}

/// <summary>Benchmark velocity.</summary>
public struct BenchVelocity
{
    public float X;
    public float Y;
}

/// <summary>Benchmark acceleration.</summary>
public struct BenchAcceleration
{
    public float X;
    public float Y;
}
