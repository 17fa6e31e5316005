using System.Diagnostics;
using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using Agents.Runtime.Training;
using static TorchSharp.torch;

namespace Agents.Benchmarks.Runtime;

/// <summary>
/// <c>kd [teacher steps] [student steps] [threads] [text file]</c>: does distilling a teacher's soft labels give a
/// better student than the hard labels alone? Character-level tinyshakespeare (the last 10% held out). A teacher of
/// nanoGPT's laptop shape (4 layers, width 128, about 0.8M parameters) trains first; then two identical students
/// (2 layers, width 64, same seed, same batches, same steps) train, one on hard labels only and one with
/// w * T^2 * KL + (1 - w) * cross-entropy (T = 2, w = 0.5). All three are scored on the same 50 held-out batches (38,400 characters):
/// hard-label cross-entropy, and the KL from the teacher's distribution at T = 1. Defaults: 1,000 steps each, one torch
/// thread (on a machine shared with other jobs, two threads spin against each other and run several times slower).
/// </summary>
public static class DistillationComparison
{
    private const int Block = 64;
    private const int Batch = 12;
    private const int HeldOutBatches = 50;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        int Arg(int index, int fallback) => args.Length > index && int.TryParse(args[index], out var v) ? v : fallback;
        var (teacherSteps, studentSteps, threads) = (Arg(0, 1000), Arg(1, 1000), Arg(2, 1));
        var path = args.Length > 3 ? args[3] : Environment.GetEnvironmentVariable("TINYSHAKESPEARE") ?? "/work/shared/data/tinyshakespeare.txt";
        var text = await File.ReadAllTextAsync(path);
        var alphabet = text.Distinct().Order().ToArray();
        var index = alphabet.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        var data = new TokenStream(text.Select(c => index[c]).ToArray(), heldOutFraction: 0.1);

        var teacherConfig = new ModelConfig(alphabet.Length, ContextLength: Block, Layers: 4, Heads: 4, KeyValueHeads: 4, Width: 128, HiddenSize: 344);
        var studentConfig = new ModelConfig(alphabet.Length, ContextLength: Block, Layers: 2, Heads: 4, KeyValueHeads: 2, Width: 64, HiddenSize: 172);
        var distillation = new DistillationOptions("teacher (in memory)", Temperature: 2, Weight: 0.5);
        TrainingOptions Options(int steps, int seed) => new(
            Steps: steps, BatchSize: Batch, SequenceLength: Block, LearningRate: 2e-3, MinLearningRate: 2e-4, WarmupSteps: Math.Min(100, steps / 10),
            WeightDecay: 0.1, Beta2: 0.99, GradientClip: 1.0, EvalEvery: 0, EvalBatches: 10, Seed: seed);

        using var thread = new ModelThread(threads);
        output.WriteLine($"knowledge distillation: {path}, {text.Length:N0} characters, vocabulary {alphabet.Length}, block {Block}, batch {Batch}, threads {threads}");
        output.WriteLine($"teacher {teacherConfig.ParameterCount:N0} parameters, {teacherSteps} steps; students {studentConfig.ParameterCount:N0} parameters, {studentSteps} steps each, seed 7; T = {distillation.Temperature}, w = {distillation.Weight}");

        var teacher = await thread.CreateAsync(() => new Transformer(teacherConfig, seed: 1));
        var teacherTime = await TrainAsync(new Trainer(thread, teacher, data, Options(teacherSteps, 1)), "teacher", output);

        var hard = await thread.CreateAsync(() => new Transformer(studentConfig, seed: 7));
        var hardTime = await TrainAsync(new Trainer(thread, hard, data, Options(studentSteps, 7)), "student, hard labels", output);

        var soft = await thread.CreateAsync(() => new Transformer(studentConfig, seed: 7));
        using var objective = new DistillationObjective(data, teacher, distillation);
        var softTime = await TrainAsync(new Trainer(thread, soft, objective, Options(studentSteps, 7)), "student, soft labels", output);

        output.WriteLine();
        output.WriteLine($"| model | parameters | steps | held-out cross-entropy (nats/char) | KL from the teacher | training time |");
        output.WriteLine($"| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, model, steps, time) in new[] { ("teacher", teacher, teacherSteps, teacherTime), ("student, hard labels only", hard, studentSteps, hardTime), ($"student, soft labels (T {distillation.Temperature}, w {distillation.Weight})", soft, studentSteps, softTime) })
        {
            var (loss, divergence) = await thread.RunAsync(() => HeldOut(model, teacher, data));
            output.WriteLine($"| {name} | {model.Config.ParameterCount:N0} | {steps} | {loss:0.0000} | {divergence:0.0000} | {time:m\\:ss} |");
        }

        output.WriteLine($"held-out figures: the same {HeldOutBatches} batches of {Batch} x {Block} characters for every model.");
        return 0;
    }

    private static async Task<TimeSpan> TrainAsync(Trainer trainer, string name, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var result = await trainer.RunAsync();
        var last = result.History[^1];
        var hard = last.Metrics?.GetValueOrDefault("cross_entropy") ?? last.Loss;
        output.WriteLine($"{name}: last step's loss {last.Loss:0.000} (hard-label cross-entropy {hard:0.000}), {clock.Elapsed:m\\:ss}, {last.TokensPerSecond:N0} tokens/s");
        return clock.Elapsed;
    }

    /// <summary>Mean hard-label cross-entropy, and KL(teacher || student) at T = 1, over the same held-out batches for every model.</summary>
    private static (double Loss, double Divergence) HeldOut(Transformer model, Transformer teacher, ITrainingData data)
    {
        model.eval();
        teacher.eval();
        double loss = 0, divergence = 0;
        for (var i = 0; i < HeldOutBatches; i++)
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            var (inputs, targets) = data.Sample(heldOut: true, new Random(5000 + i), Batch, Block);
            var x = tensor(inputs).view(Batch, Block);
            var y = tensor(targets);
            var logits = model.forward(x);
            loss += nn.functional.cross_entropy(logits.view(-1, model.Config.VocabularySize), y).item<float>();
            divergence += ReferenceEquals(model, teacher) ? 0 : KnowledgeDistillation.Divergence(logits, teacher.forward(x), y, 1).item<float>();
        }

        return (loss / HeldOutBatches, divergence / HeldOutBatches);
    }
}
