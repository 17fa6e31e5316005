using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using Agents.Runtime.Tokenization;

namespace Agents.Benchmarks.Runtime;

/// <summary>
/// The model the generation benchmarks share: 4 layers, width 256 (about 3.7M parameters with a 2,048-token
/// vocabulary), context 256, random weights (speed does not depend on training), and a BPE tokenizer trained on a
/// slice of tinyshakespeare so constraints have real token texts.
/// </summary>
internal static class BenchModel
{
    public static ModelConfig Config(int vocabulary) =>
        new(VocabularySize: vocabulary, ContextLength: 256, Layers: 4, Heads: 4, KeyValueHeads: 2, Width: 256, HiddenSize: 688);

    public static async Task<(Transformer Model, ChatTokenizer Tokenizer)> CreateAsync(ModelThread thread)
    {
        var text = File.Exists("/work/shared/data/tinyshakespeare.txt") ? File.ReadAllText("/work/shared/data/tinyshakespeare.txt")[..200_000] : string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog. {\"name\": \"Tom\", \"age\": 42}\n", 2000));
        var tokenizer = BpeTrainer.Train([text, "{\"name\":\"Tom\",\"mood\":\"happy\",\"age\":42,\"tags\":[\"a\",\"bc\"]}"], 1024);
        var model = await thread.CreateAsync(() => new Transformer(Config(tokenizer.VocabularySize), seed: 1));
        return (model, tokenizer);
    }

    /// <summary>A prompt of <paramref name="length"/> ordinary tokens, different per <paramref name="seed"/>.</summary>
    public static int[] Prompt(ChatTokenizer tokenizer, int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => SpecialTokens.All.Count + random.Next(tokenizer.VocabularySize - SpecialTokens.All.Count)).ToArray();
    }
}
