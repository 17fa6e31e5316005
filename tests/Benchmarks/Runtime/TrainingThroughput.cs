using System.Diagnostics;
using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using Agents.Runtime.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Agents.Benchmarks.Runtime;

/// <summary>
/// Training tokens/s and model FLOP utilisation, each beside its reference measured in the same run: the matmul
/// throughput of exactly the products one training step does (same shapes, forward and both backward products),
/// and of a square 2048 fp32 matmul.
/// </summary>
public static class TrainingThroughput
{
    public static async Task RunAsync(int steps, int threads, TextWriter output)
    {
        var config = new ModelConfig(VocabularySize: 4096, ContextLength: 128, Layers: 4, Heads: 4, KeyValueHeads: 2, Width: 256, HiddenSize: 688);
        const int batch = 16, length = 128;
        using var thread = new ModelThread(threads);
        var random = new Random(1);
        var tokens = Enumerable.Range(0, 200_000).Select(_ => random.Next(config.VocabularySize)).ToArray();
        var options = new TrainingOptions(Steps: steps + 3, BatchSize: batch, SequenceLength: length, WarmupSteps: 1, EvalEvery: 0, EvalBatches: 1);
        var model = await thread.CreateAsync(() => new Transformer(config, 1));
        var history = (await new Trainer(thread, model, new TokenStream(tokens, 0.01), options).RunAsync()).History;

        // Skip the first three steps (allocation and warm-up).
        var warm = history[2];
        var last = history[^1];
        var tokensPerSecond = (last.Tokens - warm.Tokens) / (last.Elapsed - warm.Elapsed).TotalSeconds;
        var flopsPerToken = config.TrainingFlopsPerToken(length);
        var achieved = tokensPerSecond * flopsPerToken;

        var (sameShapes, square) = await thread.RunAsync(() => (SameShapePeak(config, batch * length), SquarePeak()));
        output.WriteLine($"model: {config.ParameterCount:N0} parameters, batch {batch} x {length}, threads {(threads > 0 ? threads : torch.get_num_threads())}");
        output.WriteLine($"training: {tokensPerSecond:N0} tokens/s, {achieved / 1e9:0.0} GFLOP/s model FLOPs ({flopsPerToken / 1e6:0.0} MFLOP/token)");
        output.WriteLine($"matmul peak, same shapes as one training step: {sameShapes / 1e9:0.0} GFLOP/s -> MFU {achieved / sameShapes:P0}");
        output.WriteLine($"matmul peak, square 2048 fp32: {square / 1e9:0.0} GFLOP/s -> MFU {achieved / square:P0}");
    }

    /// <summary>FLOP/s of the step's matrix products alone: for each linear layer, Y = XW^T, dX = dY W, dW = dY^T X.</summary>
    private static double SameShapePeak(ModelConfig config, int rows)
    {
        var kv = config.KeyValueHeads * config.HeadSize;
        var shapes = new List<(int In, int Out)>();
        for (var l = 0; l < config.Layers; l++)
        {
            shapes.AddRange([(config.Width, config.Width), (config.Width, kv), (config.Width, kv), (config.Width, config.Width),
                (config.Width, config.HiddenSize), (config.Width, config.HiddenSize), (config.HiddenSize, config.Width)]);
        }

        shapes.Add((config.Width, config.VocabularySize));
        var operands = shapes.Select(s => (X: randn(rows, s.In), W: randn(s.Out, s.In), DY: randn(rows, s.Out))).ToList();
        void Once()
        {
            using var scope = NewDisposeScope();
            foreach (var (x, w, dy) in operands)
            {
                _ = x.matmul(w.t());
                _ = dy.matmul(w);
                _ = dy.t().matmul(x);
            }
        }

        var flops = shapes.Sum(s => 3.0 * 2 * rows * s.In * s.Out);
        return Measure(Once, flops);
    }

    private static double SquarePeak()
    {
        var a = randn(2048, 2048);
        var b = randn(2048, 2048);
        return Measure(() => { using var scope = NewDisposeScope(); _ = a.matmul(b); }, 2.0 * 2048 * 2048 * 2048);
    }

    private static double Measure(Action once, double flops)
    {
        once();
        var best = double.MaxValue;
        for (var trial = 0; trial < 5; trial++)
        {
            var clock = Stopwatch.StartNew();
            once();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return flops / best;
    }
}
