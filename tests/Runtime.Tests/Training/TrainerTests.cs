using Agents.Runtime.Checkpoints;
using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using Agents.Runtime.Training;
using SkiaSharp;

namespace Agents.Runtime.Tests.Training;

public sealed class TrainerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("train-").FullName;
    private readonly ModelThread thread = new(threads: 1);

    public void Dispose()
    {
        thread.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_tiny_model_overfits_one_batch_to_near_zero_loss()
    {
        var model = await thread.CreateAsync(() => new Transformer(TinyModels.Config(), seed: 1));
        var tokens = Enumerable.Range(0, 17).Select(i => (i * 7) % 50).ToArray();
        var data = new TokenStream(tokens, heldOutFraction: 0);
        var options = new TrainingOptions(Steps: 150, BatchSize: 1, LearningRate: 1e-2, MinLearningRate: 1e-3, WarmupSteps: 10, WeightDecay: 0, EvalEvery: 0);
        var result = await new Trainer(thread, model, data, options).RunAsync();
        Assert.True(result.History[0].Loss > 3.0, $"first loss {result.History[0].Loss}");
        Assert.True(result.History[^1].Loss < 0.05, $"last loss {result.History[^1].Loss}");
    }

    [Fact]
    public async Task Bf16_training_also_fits_one_batch_and_saves_bf16_weights()
    {
        var model = await thread.CreateAsync(() => new Transformer(TinyModels.Config(), seed: 1));
        var tokens = Enumerable.Range(0, 17).Select(i => (i * 7) % 50).ToArray();
        var options = new TrainingOptions(Steps: 80, BatchSize: 1, LearningRate: 1e-2, MinLearningRate: 1e-3, WarmupSteps: 5, WeightDecay: 0, EvalEvery: 0, Bf16: true);
        var trainer = new Trainer(thread, model, new TokenStream(tokens, heldOutFraction: 0), options) { OutputDirectory = folder, SaveType = SafeTensorsType.BF16 };
        var result = await trainer.RunAsync();
        Assert.True(result.History[^1].Loss < 0.3, $"last loss {result.History[^1].Loss}");
        Assert.Contains("\"BF16\"", System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(folder, ModelFolder.WeightsFile)).AsSpan(8, 200)));
        Assert.True(File.Exists(Path.Combine(folder, "resume.safetensors")), "exact float32 weights are kept for resuming");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Resumed_training_follows_the_uninterrupted_loss_curve()
    {
        var tokens = RandomTokens(3000, 50, seed: 5);
        var options = new TrainingOptions(Steps: 12, BatchSize: 4, SequenceLength: 16, LearningRate: 3e-3, WarmupSteps: 3, EvalEvery: 4, EvalBatches: 2, Seed: 42);

        var straight = await thread.CreateAsync(() => new Transformer(TinyModels.Config(), seed: 7));
        var uninterrupted = await new Trainer(thread, straight, new TokenStream(tokens), options).RunAsync();

        var interruptedFolder = Path.Combine(folder, "run");
        using var cancel = new CancellationTokenSource();
        var first = await thread.CreateAsync(() => new Transformer(TinyModels.Config(), seed: 7));
        var stopping = new Trainer(thread, first, new TokenStream(tokens), options)
        {
            OutputDirectory = interruptedFolder,
            OnProgress = p =>
            {
                if (p.Step == 6)
                {
                    cancel.Cancel();
                }
            },
        };
        var stopped = await Assert.ThrowsAsync<TrainingStoppedException>(() => stopping.RunAsync(cancellationToken: cancel.Token));
        Assert.Equal((6, 12, interruptedFolder), (stopped.Step, stopped.TotalSteps, stopped.CheckpointDirectory));
        Assert.Equal(6, Trainer.CheckpointStep(interruptedFolder));
        Assert.Equal(6, MetricsLog.Read(Path.Combine(interruptedFolder, Trainer.MetricsFile), int.MaxValue).Count);

        var second = await thread.CreateAsync(() => new Transformer(TinyModels.Config(), seed: 999));
        var resumed = await new Trainer(thread, second, new TokenStream(tokens), options) { OutputDirectory = interruptedFolder }.RunAsync(resume: true);

        Assert.Equal(12, resumed.History.Count);
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(uninterrupted.History[i].Loss, resumed.History[i].Loss, 5);
            Assert.Equal(uninterrupted.History[i].ValidationLoss ?? -1, resumed.History[i].ValidationLoss ?? -1, 5);
        }

        var logged = MetricsLog.Read(Path.Combine(interruptedFolder, Trainer.MetricsFile), int.MaxValue);
        Assert.Equal(Enumerable.Range(1, 12), logged.Select(p => p.Step));
    }

    [Fact]
    public async Task A_cancelled_run_checkpoints_its_last_step_and_resuming_continues_after_it()
    {
        var tokens = RandomTokens(600, 50, seed: 6);
        var options = new TrainingOptions(Steps: 8, BatchSize: 2, SequenceLength: 8, WarmupSteps: 1, EvalEvery: 0, EvalBatches: 1);
        var model = await thread.CreateAsync(() => new Transformer(TinyModels.Config(), seed: 2));
        using var cancel = new CancellationTokenSource();
        var trainer = new Trainer(thread, model, new TokenStream(tokens), options)
        {
            OutputDirectory = folder,
            ObjectiveOptions = new Dictionary<string, string> { ["--example"] = "1" },
            OnProgress = p =>
            {
                if (p.Step == 3)
                {
                    cancel.Cancel();
                }
            },
        };

        var stopped = await Assert.ThrowsAsync<TrainingStoppedException>(() => trainer.RunAsync(cancellationToken: cancel.Token));

        Assert.Equal(3, stopped.Step);
        Assert.Equal(3, Trainer.CheckpointStep(folder));
        Assert.True(File.Exists(Path.Combine(folder, Trainer.OptimizerFile)) && File.Exists(Path.Combine(folder, ModelFolder.WeightsFile)));
        var refused = Assert.Throws<RuntimeOptionException>(() => Trainer.RequireSameObjectiveOptions(folder, new Dictionary<string, string>()));
        Assert.StartsWith($"--example: the run in {folder} was made with --example 1 and cannot be resumed without --example;", refused.Message);

        var again = await thread.CreateAsync(() => new Transformer(TinyModels.Config(), seed: 99));
        var seen = new List<int>();
        var resumed = new Trainer(thread, again, new TokenStream(tokens), options)
        {
            OutputDirectory = folder,
            ObjectiveOptions = new Dictionary<string, string> { ["--example"] = "1" },
            OnProgress = p => seen.Add(p.Step),
        };
        var result = await resumed.RunAsync(resume: true);
        Assert.Equal([4, 5, 6, 7, 8], seen);
        Assert.Equal(Enumerable.Range(1, 8), result.History.Select(p => p.Step));
    }

    [Fact]
    public async Task A_run_cancelled_before_its_first_step_throws_a_plain_cancellation_and_leaves_no_checkpoint()
    {
        var options = new TrainingOptions(Steps: 4, BatchSize: 2, SequenceLength: 8, WarmupSteps: 1, EvalEvery: 0);
        var model = await thread.CreateAsync(() => new Transformer(TinyModels.Config(), seed: 2));
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new Trainer(thread, model, new TokenStream(RandomTokens(300, 50, seed: 1)), options) { OutputDirectory = folder }.RunAsync(cancellationToken: cancel.Token));
        Assert.IsNotType<TrainingStoppedException>(error);
        Assert.Null(Trainer.CheckpointStep(folder));
    }

    [Fact]
    public async Task Live_tensor_count_stays_flat_over_many_training_steps()
    {
        var model = await thread.CreateAsync(() => new Transformer(TinyModels.Config(), seed: 3));
        var counts = new Dictionary<int, long>();
        var options = new TrainingOptions(Steps: 40, BatchSize: 2, SequenceLength: 8, EvalEvery: 10, EvalBatches: 1, WarmupSteps: 2);
        var trainer = new Trainer(thread, model, new TokenStream(RandomTokens(500, 50, seed: 1)), options)
        {
            OnProgress = p => counts[p.Step] = thread.LiveTensorCount(),
        };
        await trainer.RunAsync();
        Assert.Equal(counts[5], counts[39]);
        Assert.Equal(counts[10], counts[40]);
    }

    [Fact]
    public async Task Accumulating_two_micro_batches_equals_one_batch_twice_as_large()
    {
        // One possible window, so every sampled row is the same and the two runs see identical data.
        var tokens = RandomTokens(17, 50, seed: 2);
        var large = new TrainingOptions(Steps: 5, BatchSize: 2, AccumulationSteps: 1, LearningRate: 5e-3, WarmupSteps: 1, EvalEvery: 0);
        var accumulated = large with { BatchSize = 1, AccumulationSteps = 2 };
        var a = await thread.CreateAsync(() => new Transformer(TinyModels.Config(), seed: 8));
        var b = await thread.CreateAsync(() => new Transformer(TinyModels.Config(), seed: 8));
        var one = await new Trainer(thread, a, new TokenStream(tokens, 0), large).RunAsync();
        var two = await new Trainer(thread, b, new TokenStream(tokens, 0), accumulated).RunAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(one.History[i].Loss, two.History[i].Loss, 5);
            Assert.Equal(one.History[i].GradientNorm, two.History[i].GradientNorm, 4);
        }
    }

    [Fact]
    public async Task A_finished_run_writes_a_loadable_model_metrics_and_a_loss_plot()
    {
        var model = await thread.CreateAsync(() => new Transformer(TinyModels.Config(), seed: 4));
        var options = new TrainingOptions(Steps: 10, BatchSize: 2, SequenceLength: 16, EvalEvery: 5, EvalBatches: 2, WarmupSteps: 2);
        var seen = new List<TrainingProgress>();
        var trainer = new Trainer(thread, model, new TokenStream(RandomTokens(400, 50, seed: 3)), options) { OutputDirectory = folder, OnProgress = seen.Add };
        var result = await trainer.RunAsync();

        Assert.Equal(Enumerable.Range(1, 10), seen.Select(p => p.Step));
        Assert.All(seen, p => Assert.True(p.TokensPerSecond > 0 && p.Tokens == p.Step * 32));
        Assert.Equal(2, seen.Count(p => p.ValidationLoss is not null));
        var lines = File.ReadAllLines(Path.Combine(folder, Trainer.MetricsFile));
        Assert.Equal(10, lines.Length);
        Assert.Contains("\"val_loss\":", lines[4]);
        Assert.DoesNotContain("\"val_loss\":", lines[3]);
        Assert.NotNull(result.FinalValidationLoss);

        var loaded = await thread.CreateAsync(() => ModelFolder.LoadModel(folder));
        Assert.Equal(model.Config, loaded.Config);

        using var png = SKBitmap.Decode(Path.Combine(folder, Trainer.PlotFile));
        Assert.NotNull(png);
        Assert.Equal(800, png.Width);
        Assert.Equal(500, png.Height);
        var colours = new HashSet<SKColor>();
        for (var x = 0; x < png.Width; x += 7)
        {
            for (var y = 0; y < png.Height; y += 7)
            {
                colours.Add(png.GetPixel(x, y));
            }
        }

        Assert.True(colours.Count > 5, $"the plot has only {colours.Count} colours: is it blank?");
    }

    internal static int[] RandomTokens(int count, int vocabulary, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => random.Next(vocabulary)).ToArray();
    }
}
