using Agents.Runtime.Inference;
using static TorchSharp.torch;

namespace Agents.Runtime.Model;

/// <summary>What every layer of one cached forward pass shares: the cache, the rows' slots, the flat write positions, the key length and the mask.</summary>
/// <param name="Cache">The key/value cache.</param>
/// <param name="Slots">Slot of each row [batch].</param>
/// <param name="Writes">Flat cache row of each new token [batch x time].</param>
/// <param name="KeyLength">Keys read per row (the longest row's end).</param>
/// <param name="Mask">Boolean attention mask [batch, 1, time, keys], or null for the causal flag or no mask.</param>
/// <param name="InOrder">True when row b is slot b for every slot, so the cache is read without a gather.</param>
internal sealed record CacheStep(KvCache Cache, Tensor Slots, Tensor Writes, long KeyLength, Tensor? Mask, bool InOrder);
