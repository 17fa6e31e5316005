using Agents.Runtime.Model;
using static TorchSharp.torch;

namespace Agents.Runtime.Inference;

/// <summary>
/// A preallocated key/value cache: per layer, keys and values [slots x capacity, key-value heads, head size], written
/// by slices (never grown with <c>cat</c>), plus the rotary tables for every position. Create, use and dispose it on
/// the model thread; it owns its tensors.
/// </summary>
public sealed class KvCache : IDisposable
{
    /// <summary>Allocates <paramref name="slots"/> rows of <paramref name="capacity"/> positions (default: the context length) for <paramref name="model"/>.</summary>
    public KvCache(Transformer model, int slots, int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        var config = model.Config;
        Capacity = capacity <= 0 ? config.ContextLength : Math.Min(capacity, config.ContextLength);
        Slots = slots;
        var weight = model.parameters().First();
        var type = weight.dtype;
        Keys = new Tensor[config.Layers];
        Values = new Tensor[config.Layers];
        for (var layer = 0; layer < config.Layers; layer++)
        {
            Keys[layer] = zeros([(long)slots * Capacity, config.KeyValueHeads, config.HeadSize], type, weight.device).MoveToOuterDisposeScope();
            Values[layer] = zeros([(long)slots * Capacity, config.KeyValueHeads, config.HeadSize], type, weight.device).MoveToOuterDisposeScope();
        }

        using var scope = NewDisposeScope();
        var (cos, sin) = Rotary.Tables(Capacity, config.HeadSize, config.RopeTheta, weight.device, type);
        Cos = cos.MoveToOuterDisposeScope();
        Sin = sin.MoveToOuterDisposeScope();
    }

    /// <summary>Number of sequences the cache holds at once.</summary>
    public int Slots { get; }

    /// <summary>Positions per slot.</summary>
    public int Capacity { get; }

    internal Tensor[] Keys { get; }

    internal Tensor[] Values { get; }

    internal Tensor Cos { get; }

    internal Tensor Sin { get; }

    /// <summary>Copies positions [0, <paramref name="length"/>) of slot <paramref name="from"/> into slot <paramref name="to"/> (prefix reuse).</summary>
    public void CopyPrefix(int from, int to, int length)
    {
        if (from == to || length <= 0)
        {
            return;
        }

        for (var layer = 0; layer < Keys.Length; layer++)
        {
            Keys[layer].narrow(0, (long)to * Capacity, length).copy_(Keys[layer].narrow(0, (long)from * Capacity, length));
            Values[layer].narrow(0, (long)to * Capacity, length).copy_(Values[layer].narrow(0, (long)from * Capacity, length));
        }
    }

    /// <summary>Frees the cache's tensors.</summary>
    public void Dispose()
    {
        foreach (var t in Keys.Concat(Values).Append(Cos).Append(Sin))
        {
            t.Dispose();
        }
    }
}
