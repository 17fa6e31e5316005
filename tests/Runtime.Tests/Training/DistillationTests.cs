using Agents.Runtime.Checkpoints;
using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using Agents.Runtime.Tokenization;
using Agents.Runtime.Training;
using static TorchSharp.torch;

namespace Agents.Runtime.Tests.Training;

public sealed class DistillationTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly ModelThread thread = new(threads: 1);

    public void Dispose()
    {
        thread.Dispose();
        temp.Dispose();
    }

    [Fact]
    public async Task The_soft_loss_is_zero_when_the_student_matches_the_teacher_and_positive_otherwise()
    {
        await thread.RunAsync(() =>
        {
            var generator = new TorchSharp.torch.Generator(7);
            var teacher = randn([2, 5, 11], generator: generator) * 3;
            var student = randn([2, 5, 11], generator: generator) * 3;
            var targets = tensor(new long[] { 1, -1, 4, 2, -1, 0, 9, -1, 3, 3 }).view(2, 5);

            var (same, divergence, crossEntropy) = KnowledgeDistillation.Loss(teacher, teacher, targets, temperature: 2, weight: 1);
            Assert.Equal(0, same.item<float>(), 5);
            Assert.Equal(0, divergence.item<float>(), 5);

            // With w = 0.5 and equal logits only half the hard-label cross-entropy is left.
            var (half, _, _) = KnowledgeDistillation.Loss(teacher, teacher, targets, temperature: 2, weight: 0.5);
            Assert.Equal(0.5 * crossEntropy.item<float>(), half.item<float>(), 4);

            var (different, apart, _) = KnowledgeDistillation.Loss(student, teacher, targets, temperature: 2, weight: 1);
            Assert.True(apart.item<float>() > 0.01, $"KL {apart.item<float>()}");
            Assert.Equal(4 * apart.item<float>(), different.item<float>(), 4);

            // Positions without a target do not count: changing the student there changes nothing.
            var ignored = targets.eq(-1).unsqueeze(-1).to(ScalarType.Float32);
            var elsewhere = student + (ignored * 50);
            Assert.Equal(apart.item<float>(), KnowledgeDistillation.Divergence(elsewhere, teacher, targets, 2).item<float>(), 4);

            // The gradient of the soft term vanishes at the teacher.
            var copy = teacher.detach().clone().requires_grad_(true);
            KnowledgeDistillation.Divergence(copy, teacher, targets, 2).backward();
            Assert.True(copy.grad!.abs().max().item<float>() < 1e-5);
        });
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_student_distilled_with_soft_labels_moves_toward_the_teacher_distribution()
    {
        var tokens = Enumerable.Range(0, 4000).Select(i => Pattern(i)).ToArray();
        var data = new TokenStream(tokens, heldOutFraction: 0.1);
        var teacherOptions = new TrainingOptions(Steps: 80, BatchSize: 8, SequenceLength: 16, LearningRate: 1e-2, MinLearningRate: 1e-3, WarmupSteps: 5, WeightDecay: 0, EvalEvery: 0, Seed: 1);
        var teacher = await thread.CreateAsync(() => new Transformer(TinyModels.Config(), seed: 1));
        await new Trainer(thread, teacher, data, teacherOptions).RunAsync();

        var small = TinyModels.Config() with { Layers = 1, Width = 8, Heads = 2, KeyValueHeads = 1, HiddenSize = 16 };
        var options = new TrainingOptions(Steps: 150, BatchSize: 8, SequenceLength: 16, LearningRate: 1e-2, MinLearningRate: 1e-3, WarmupSteps: 5, WeightDecay: 0, EvalEvery: 50, EvalBatches: 4, Seed: 2);
        var distilled = await thread.CreateAsync(() => new Transformer(small, seed: 3));
        var hard = await thread.CreateAsync(() => new Transformer(small, seed: 3));
        using var objective = new DistillationObjective(data, teacher, new DistillationOptions("in memory", Temperature: 2, Weight: 0.5));
        var before = await thread.RunAsync(() => DivergenceToTeacher(distilled, teacher, data));

        var run = await new Trainer(thread, distilled, objective, options).RunAsync();
        await new Trainer(thread, hard, data, options).RunAsync();
        var afterDistilled = await thread.RunAsync(() => DivergenceToTeacher(distilled, teacher, data));
        var afterHard = await thread.RunAsync(() => DivergenceToTeacher(hard, teacher, data));

        Assert.True(afterDistilled < before * 0.2, $"KL to the teacher went from {before:0.000} to {afterDistilled:0.000}");
        // The same steps on hard labels alone learn the data, but do not come as close to the teacher.
        Assert.True(afterDistilled < afterHard, $"KL to the teacher: distilled {afterDistilled:0.000}, hard labels only {afterHard:0.000}");
        var logged = run.History.Where(p => p.Metrics?.ContainsKey("val_kd_divergence") == true).Select(p => p.Metrics!["val_kd_divergence"]).ToList();
        Assert.Equal(3, logged.Count);
        Assert.True(logged[^1] < logged[0], string.Join(", ", logged));
        Assert.All(run.History, p => Assert.True(p.Metrics!.ContainsKey("kd_divergence") && p.Metrics.ContainsKey("cross_entropy")));
    }

    [Fact]
    public async Task Live_tensor_count_stays_flat_over_distillation_steps()
    {
        var data = new TokenStream(TrainerTests.RandomTokens(500, 50, seed: 1));
        var teacher = await thread.CreateAsync(() => new Transformer(TinyModels.Config(), seed: 1));
        var student = await thread.CreateAsync(() => new Transformer(TinyModels.Config() with { Layers = 1 }, seed: 2));
        using var objective = new DistillationObjective(data, teacher, new DistillationOptions("in memory"));
        var counts = new Dictionary<int, long>();
        var options = new TrainingOptions(Steps: 20, BatchSize: 2, SequenceLength: 8, WarmupSteps: 2, EvalEvery: 5, EvalBatches: 2);
        await new Trainer(thread, student, objective, options) { OnProgress = p => counts[p.Step] = thread.LiveTensorCount() }.RunAsync();
        Assert.Equal(counts[4], counts[19]);
        Assert.Equal(counts[5], counts[20]);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_distillation_job_takes_the_teacher_tokenizer_and_refuses_a_student_with_another()
    {
        var chat = temp["chat.jsonl"];
        File.WriteAllLines(chat, new[] { "cat", "dog", "fish", "bird", "cow" }.Select(p =>
            $$"""{"messages":[{"role":"user","content":"What does the {{p}} say?"},{"role":"assistant","content":"The {{p}} says hello."}]}"""));
        var conversations = DatasetReader.ReadChat(chat);
        var tokenizer = BpeTrainer.Train(conversations.SelectMany(c => c.Select(m => m.Content)), 300);
        var teacherConfig = new ModelConfig(tokenizer.VocabularySize, ContextLength: 48, Layers: 2, Heads: 4, KeyValueHeads: 2, Width: 32, HiddenSize: 64);
        await thread.RunAsync(() =>
        {
            using var teacher = new Transformer(teacherConfig, seed: 5);
            ModelFolder.Save(temp["teacher"], teacher, tokenizer);
        });

        var student = new ModelConfig(0, ContextLength: 32, Layers: 1, Heads: 2, KeyValueHeads: 1, Width: 16, HiddenSize: 32);
        var options = new TrainingOptions(Steps: 6, BatchSize: 4, WarmupSteps: 1, EvalEvery: 3, EvalBatches: 1);
        var result = await TrainingJob.RunAsync(new TrainingJobOptions(
            chat, temp["student"], options, Sft: true, Model: student, VocabularySize: 999, Device: "cpu", Threads: 1,
            Distillation: new DistillationOptions(temp["teacher"], Temperature: 2, Weight: 0.5)));

        Assert.Equal(File.ReadAllText(temp["teacher/tokenizer.json"]), File.ReadAllText(temp["student/tokenizer.json"]));
        Assert.Equal(student with { VocabularySize = tokenizer.VocabularySize }, ModelConfig.Load(temp["student/config.json"]));
        Assert.Contains("\"val_kd_divergence\":", File.ReadAllLines(temp["student/training.jsonl"])[2]);
        Assert.NotNull(result.FinalValidationLoss);

        // A student started from a folder with its own tokenizer cannot learn from this teacher.
        var other = BpeTrainer.Train(["completely different words here"], 280);
        await thread.RunAsync(() =>
        {
            using var model = new Transformer(student with { VocabularySize = other.VocabularySize }, seed: 1);
            ModelFolder.Save(temp["other"], model, other);
        });
        var error = await Assert.ThrowsAsync<RuntimeOptionException>(() => TrainingJob.RunAsync(new TrainingJobOptions(
            chat, temp["student2"], options, Sft: true, InitFrom: temp["other"], Device: "cpu", Threads: 1,
            Distillation: new DistillationOptions(temp["teacher"]))));
        Assert.Contains("tokenizer differs", error.Message);
        Assert.Contains($"--init {temp["other"]}", error.Message);
        Assert.False(Directory.Exists(temp["student2"]));

        Assert.Throws<RuntimeOptionException>(() => new DistillationOptions("t", Temperature: 0).Validate());
        Assert.Throws<RuntimeOptionException>(() => new DistillationOptions("t", Weight: 1.5).Validate());
    }

    [Fact]
    public async Task A_distillation_resume_with_another_teacher_temperature_or_weight_is_refused_naming_the_option_both_values_and_the_folder()
    {
        var chat = temp["chat.jsonl"];
        File.WriteAllLines(chat, new[] { "cat", "dog", "fish", "bird", "cow" }.Select(p =>
            $$"""{"messages":[{"role":"user","content":"What does the {{p}} say?"},{"role":"assistant","content":"The {{p}} says hello."}]}"""));
        var tokenizer = BpeTrainer.Train(DatasetReader.ReadChat(chat).SelectMany(c => c.Select(m => m.Content)), 280);
        await thread.RunAsync(() =>
        {
            using var teacher = new Transformer(new ModelConfig(tokenizer.VocabularySize, ContextLength: 32, Layers: 1, Heads: 2, KeyValueHeads: 1, Width: 16, HiddenSize: 32), seed: 5);
            ModelFolder.Save(temp["teacher"], teacher, tokenizer);
            ModelFolder.Save(temp["teacher-copy"], teacher, tokenizer);
        });

        var output = temp["student"];
        var student = new ModelConfig(0, ContextLength: 32, Layers: 1, Heads: 2, KeyValueHeads: 1, Width: 8, HiddenSize: 16);
        var distillation = new DistillationOptions(temp["teacher"], Temperature: 2, Weight: 0.5);
        var job = new TrainingJobOptions(
            chat, output, new TrainingOptions(Steps: 4, BatchSize: 2, WarmupSteps: 1, EvalEvery: 0, EvalBatches: 1), Sft: true, Model: student, Resume: true, Device: "cpu", Threads: 1, Distillation: distillation);
        using (var cancel = new CancellationTokenSource())
        {
            var stopped = await Assert.ThrowsAsync<TrainingStoppedException>(() => TrainingJob.RunAsync(job, p =>
            {
                if (p.Step == 2)
                {
                    cancel.Cancel();
                }
            }, cancellationToken: cancel.Token));
            Assert.Equal(2, stopped.Step);
        }

        var state = File.ReadAllText(Path.Combine(output, Trainer.StateFile));
        async Task<string> Refused(TrainingJobOptions other) => (await Assert.ThrowsAsync<RuntimeOptionException>(() => TrainingJob.RunAsync(other))).Message;
        Assert.Equal(
            $"--kd-weight: the run in {output} was made with --kd-weight 0.5 and cannot be resumed with --kd-weight 0.7; resume it with --kd-weight 0.5, or train into a new folder.",
            await Refused(job with { Distillation = distillation with { Weight = 0.7 } }));
        Assert.StartsWith($"--kd-temperature: the run in {output} was made with --kd-temperature 2 and cannot be resumed with --kd-temperature 3;", await Refused(job with { Distillation = distillation with { Temperature = 3 } }));
        Assert.StartsWith(
            $"--teacher: the run in {output} was made with --teacher {temp["teacher"]} and cannot be resumed with --teacher {temp["teacher-copy"]};",
            await Refused(job with { Distillation = distillation with { TeacherDirectory = temp["teacher-copy"] } }));
        Assert.StartsWith($"--teacher: the run in {output} was made with --teacher {temp["teacher"]} and cannot be resumed without --teacher;", await Refused(job with { Distillation = null }));
        Assert.Equal(state, File.ReadAllText(Path.Combine(output, Trainer.StateFile)));

        var resumed = await TrainingJob.RunAsync(job);
        Assert.Equal([1, 2, 3, 4], resumed.History.Select(p => p.Step));
    }

    /// <summary>A sequence with a little randomness (every fifth token), so the teacher's distribution is not one-hot.</summary>
    private static int Pattern(int i) => i % 5 == 4 ? 10 + ((i * 7919) % 13 % 3) : (i % 5) + 1;

    /// <summary>Mean KL(teacher || student) at temperature 1 over held-out batches.</summary>
    private static double DivergenceToTeacher(Transformer student, Transformer teacher, ITrainingData data)
    {
        using var _ = no_grad();
        var total = 0.0;
        for (var i = 0; i < 4; i++)
        {
            var (inputs, targets) = data.Sample(heldOut: true, new Random(100 + i), 8, 16);
            var x = tensor(inputs).view(8, 16);
            total += KnowledgeDistillation.Divergence(student.forward(x), teacher.forward(x), tensor(targets), 1).item<float>();
        }

        return total / 4;
    }
}
