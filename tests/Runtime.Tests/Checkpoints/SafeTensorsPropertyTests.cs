using Agents.Runtime.Checkpoints;
using CsCheck;
using static TorchSharp.torch;

namespace Agents.Runtime.Tests.Checkpoints;

public sealed class SafeTensorsPropertyTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("st-").FullName;

    public SafeTensorsPropertyTests() => TinyModels.RequireTorch();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Any_set_of_float32_tensors_round_trips_exactly()
    {
        var shape = Gen.Int[0, 4].Array[0, 3];
        var entry = Gen.Select(Gen.Char["abcdefgh.0123456789_"].Array[1, 12].Select(cs => new string(cs)), shape, Gen.Int);
        entry.Array[1, 6].Sample(entries =>
        {
            using var scope = NewDisposeScope();
            var path = Path.Combine(folder, Guid.NewGuid() + ".safetensors");
            var unique = entries.DistinctBy(e => e.Item1).ToList();
            var tensors = unique.Select(e => (e.Item1, randn(e.Item2.Select(d => (long)d).ToArray(), generator: new Generator((ulong)e.Item3)))).ToList();
            SafeTensors.Write(path, tensors);
            var read = SafeTensors.Read(path);
            return read.Count == tensors.Count && tensors.All(t =>
                read[t.Item1].shape.SequenceEqual(t.Item2.shape) && Values(read[t.Item1]).SequenceEqual(Values(t.Item2)));
        }, iter: 100);
    }

    // TorchSharp's accessor cannot copy out an empty tensor; an empty tensor has no values to compare.
    private static float[] Values(Tensor t) => t.numel() == 0 ? [] : t.data<float>().ToArray();
}
