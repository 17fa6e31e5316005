using System.Diagnostics;
using Agents.Runtime.Inference;
using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using static TorchSharp.torch;

namespace Agents.Benchmarks.Runtime;

/// <summary>
/// Decode tokens/s at batch 1 and 16: the engine (KV cache, continuous batching) against recomputing the whole
/// context for every new token (batch 1: <see cref="TextGenerator"/>; batch 16: the same loop over a [16, t] batch),
/// in the same run, greedy, prompt 32 tokens, <c>tokens</c> new tokens each.
/// </summary>
public static class DecodeThroughput
{
    public static async Task RunAsync(int tokens, int threads, TextWriter output)
    {
        using var thread = new ModelThread(threads);
        var (model, tokenizer) = await BenchModel.CreateAsync(thread);
        output.WriteLine($"model: {model.Config.ParameterCount:N0} parameters, vocabulary {tokenizer.VocabularySize}, prompt 32, {tokens} new tokens, threads {threads}");
        foreach (var batch in new[] { 1, 16 })
        {
            await using var engine = new InferenceEngine(thread, model, tokenizer, new EngineOptions(Slots: batch, MaxQueue: 0, MaxTokens: tokens));
            await engine.GenerateAsync(BenchModel.Prompt(tokenizer, 32, 999), new SamplingOptions(MaxTokens: 8)); // warm-up
            var clock = Stopwatch.StartNew();
            var results = await Task.WhenAll(Enumerable.Range(0, batch).Select(i => engine.GenerateAsync(BenchModel.Prompt(tokenizer, 32, i), new SamplingOptions(MaxTokens: tokens))));
            var cached = results.Sum(r => r.CompletionTokens) / clock.Elapsed.TotalSeconds;

            var recomputed = await thread.RunAsync(() => Recompute(model, Enumerable.Range(0, batch).Select(i => BenchModel.Prompt(tokenizer, 32, i)).ToArray(), tokens));
            output.WriteLine($"batch {batch,2}: KV cache {cached,8:N0} tokens/s | recompute {recomputed,8:N0} tokens/s | ratio {cached / recomputed:0.0}x");
        }
    }

    /// <summary>Greedy decoding that runs the whole context through the model for every token; tokens/s over the batch.</summary>
    private static double Recompute(Transformer model, int[][] prompts, int tokens)
    {
        using var _ = no_grad();
        model.eval();
        var context = tensor(prompts.SelectMany(p => p).Select(i => (long)i).ToArray()).view(prompts.Length, -1);
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < tokens; n++)
        {
            using var scope = NewDisposeScope();
            var next = model.forward(context)[.., -1].argmax(-1).view(-1, 1);
            var grown = cat([context, next], 1).MoveToOuterDisposeScope();
            context.Dispose();
            context = grown;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        context.Dispose();
        return prompts.Length * tokens / seconds;
    }
}
