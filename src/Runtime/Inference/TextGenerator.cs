using Agents.Runtime.Native;
using Agents.Runtime.Model;
using static TorchSharp.torch;

namespace Agents.Runtime.Inference;

/// <summary>
/// Plain autoregressive sampling for <c>agents sample</c> and tests: recomputes the (cropped) context for each new
/// token, no KV cache. Greedy at temperature 0, otherwise softmax sampling with optional top-k, seeded. Call on the
/// model thread.
/// </summary>
public static class TextGenerator
{
    /// <summary>Continues <paramref name="prompt"/> by up to <paramref name="maxTokens"/> ids, stopping after any id in <paramref name="stopIds"/>.</summary>
    /// <exception cref="RuntimeOptionException">A negative temperature, token count or top-k.</exception>
    public static List<int> Generate(
        Transformer model, IReadOnlyList<int> prompt, int maxTokens, double temperature, long seed, IReadOnlySet<int> stopIds, int topK = 0)
    {
        TorchNative.EnsureLoaded();
        if (temperature < 0 || maxTokens < 0 || topK < 0)
        {
            throw new RuntimeOptionException($"Sampling options out of range: expected temperature >= 0 (found {temperature}), max tokens >= 0 (found {maxTokens}), top-k >= 0 (found {topK}).");
        }

        var context = prompt.Select(i => (long)i).ToList();
        var output = new List<int>();
        var device = model.parameters().First().device;
        using var generator = new Generator((ulong)seed, device);
        using var _ = no_grad();
        model.eval();
        for (var n = 0; n < maxTokens; n++)
        {
            using var scope = NewDisposeScope();
            var window = context.Skip(Math.Max(0, context.Count - model.Config.ContextLength)).ToArray();
            var logits = model.forward(tensor(window, device: device).unsqueeze(0))[0, -1].to(ScalarType.Float32);
            int next;
            if (temperature == 0)
            {
                next = (int)logits.argmax().item<long>();
            }
            else
            {
                logits = logits / temperature;
                if (topK > 0 && topK < logits.shape[0])
                {
                    var kth = logits.topk(topK).values[-1];
                    logits = logits.masked_fill(logits < kth, double.NegativeInfinity);
                }

                next = (int)multinomial(logits.softmax(-1), 1, generator: generator).item<long>();
            }

            output.Add(next);
            context.Add(next);
            if (stopIds.Contains(next))
            {
                break;
            }
        }

        return output;
    }
}
