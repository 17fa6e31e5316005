using Agents.World.Ecs;

namespace Agents.Benchmarks.Ecs;

/// <summary>One component: drift the position.</summary>
public struct DriftJob : IForEach<BenchPosition>
{
    public void Update(ref BenchPosition p)
    {
        p.X += 1f;
        p.Y += 1f;
    }
}

/// <summary>Two components: position += velocity.</summary>
public struct MoveJob : IForEach<BenchPosition, BenchVelocity>
{
    public void Update(ref BenchPosition p, ref BenchVelocity v)
    {
        p.X += v.X;
        p.Y += v.Y;
    }
}

/// <summary>Three components: velocity += acceleration, position += velocity.</summary>
public struct AccelerateJob : IForEach<BenchPosition, BenchVelocity, BenchAcceleration>
{
    public void Update(ref BenchPosition p, ref BenchVelocity v, ref BenchAcceleration a)
    {
        v.X += a.X;
        v.Y += a.Y;
        p.X += v.X;
        p.Y += v.Y;
    }
}
