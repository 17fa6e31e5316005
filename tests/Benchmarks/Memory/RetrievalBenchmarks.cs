using System.Numerics.Tensors;
using Agents.Memory;
using Agents.Memory.Retrieval;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MemoryStream = Agents.Memory.MemoryStream;

namespace Agents.Benchmarks.Memory;

/// <summary>
/// Top-30 retrieval (recency, importance, cosine relevance, normalised, weighted, top k) among N memories of
/// dimension 256, beside the reference: one pass summing the same embedding floats. Goal: within 2x of it.
/// Run: dotnet run -c Release --project tests/Benchmarks -- --filter '*RetrievalBenchmarks*'
/// </summary>
[Config(typeof(ShortInProcessConfig))]
[MemoryDiagnoser]
public class RetrievalBenchmarks
{
    private const int Dimension = 256;
    private static readonly DateTime Start = new(2023, 2, 13, 7, 0, 0);

    private MemoryStream stream = null!;
    private float[] query = [];
    private DateTime now;

    /// <summary>How many memories the agent has.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int Memories { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        stream = new MemoryBank(Dimension).Stream("Isabella");
        var embedding = new float[Dimension];
        for (int i = 0; i < Memories; i++)
        {
            Fill(random, embedding);
            stream.Append(MemoryKind.Observation, $"memory {i}", Start.AddSeconds(10 * i), 1 + random.Next(10), embedding);
        }

        query = new float[Dimension];
        Fill(random, query);
        now = Start.AddSeconds(10 * Memories);
    }

    /// <summary>Reference: read every embedding float once (a sum over the contiguous chunks).</summary>
    [Benchmark(Baseline = true)]
    public float SumEmbeddings()
    {
        float sum = 0;
        for (int c = 0; c < stream.Embeddings.ChunkCount; c++)
        {
            sum += TensorPrimitives.Sum(stream.Embeddings.Chunk(c));
        }

        return sum;
    }

    /// <summary>The simulation's call: retrieve the top 30 and update their last access.</summary>
    [Benchmark]
    public int RetrieveTop30() => stream.Retrieve(query, now, RetrievalSettings.Default).Count;

    /// <summary>
    /// A short job, in process: BenchmarkDotNet's out-of-process build cannot find this project, whose file name
    /// (Benchmarks.csproj) differs from its assembly name (Agents.Benchmarks).
    /// </summary>
    private sealed class ShortInProcessConfig : ManualConfig
    {
        public ShortInProcessConfig() => AddJob(Job.Default
            .WithStrategy(RunStrategy.Throughput).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(5)
            .WithToolchain(InProcessEmitToolchain.Instance));
    }

    private static void Fill(Random random, float[] vector)
    {
        for (int i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)((random.NextDouble() * 2) - 1);
        }

        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
    }
}
