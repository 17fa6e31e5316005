using Agents.Runtime.Model;
using Agents.Runtime.Native;

namespace Agents.Runtime.Tests;

/// <summary>Small configurations that train in a second on two cores.</summary>
internal static class TinyModels
{
    public static ModelConfig Config(int vocabulary = 50) =>
        new(VocabularySize: vocabulary, ContextLength: 16, Layers: 2, Heads: 4, KeyValueHeads: 2, Width: 16, HiddenSize: 32);

    /// <summary>Fails the test clearly (never skips) when torch cannot load: on this machine it must.</summary>
    public static void RequireTorch() => TorchNative.EnsureLoaded();
}
