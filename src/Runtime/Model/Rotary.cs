using Agents.Runtime.Native;
using static TorchSharp.torch;

namespace Agents.Runtime.Model;

/// <summary>
/// Rotary position embeddings in the "rotate half" layout (Hugging Face Llama): dimension i of the first half
/// and dimension i of the second half form a pair rotated by position x theta^(-2i/headSize).
/// </summary>
public static class Rotary
{
    /// <summary>Cosine and sine tables [time, headSize] for positions <paramref name="start"/> .. start+time-1.</summary>
    public static (Tensor Cos, Tensor Sin) Tables(long time, int headSize, double theta, Device device, ScalarType type, long start = 0)
    {
        TorchNative.EnsureLoaded();
        var inverse = pow(theta, arange(0, headSize, 2, ScalarType.Float64, device) / headSize).reciprocal();
        var positions = arange(start, start + time, 1, ScalarType.Float64, device);
        var angles = outer(positions, inverse);
        var full = cat([angles, angles], dim: -1);
        return (full.cos().to(type), full.sin().to(type));
    }

    /// <summary>Rotates x [batch, heads, time, headSize] by the tables.</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin)
    {
        var half = x.shape[^1] / 2;
        var first = x.narrow(-1, 0, half);
        var second = x.narrow(-1, half, half);
        var rotated = cat([-second, first], dim: -1);
        return (x * cos.to(x.dtype)) + (rotated * sin.to(x.dtype));
    }
}
