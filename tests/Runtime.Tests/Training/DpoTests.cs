using System.Security.Cryptography;
using System.Text.Json;
using Agents.Runtime.Checkpoints;
using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using Agents.Runtime.Tokenization;
using Agents.Runtime.Training;

namespace Agents.Runtime.Tests.Training;

public sealed class DpoTests : IDisposable
{
    private static readonly string[] Names = ["Isabella", "Klaus", "Maria", "Tom", "Ayesha", "Sam"];
    private readonly TempFolder temp = new();
    private readonly ModelThread thread = new(threads: 1);

    public void Dispose()
    {
        thread.Dispose();
        temp.Dispose();
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Dpo_widens_the_margin_until_every_pair_prefers_the_chosen_reply_while_the_reference_stays_unchanged()
    {
        // A model fine-tuned on valid and invalid replies alike has no preference between them; DPO must give it one.
        var pairs = Names.Select(n => new PreferencePair(Prompt(n), Valid(n), Invalid(n))).ToList();
        var init = await TrainAmbivalentModelAsync(pairs);
        var weights = Path.Combine(init, ModelFolder.WeightsFile);
        var hashBefore = SHA256.HashData(File.ReadAllBytes(weights));
        PreferencePairs.Write(temp["pairs.jsonl"], pairs);

        var output = temp["dpo"];
        var options = new TrainingOptions(Steps: 60, BatchSize: 4, LearningRate: 5e-3, MinLearningRate: 5e-4, WarmupSteps: 5, WeightDecay: 0, EvalEvery: 20, EvalBatches: 2, Seed: 3);
        var result = await PreferenceJob.RunAsync(new PreferenceJobOptions(temp["pairs.jsonl"], init, output, options, Beta: 0.1, Device: "cpu", Threads: 1));

        Assert.Equal(5, result.Before.Pairs);
        Assert.Equal(0, result.Before.RewardMargin, 6);
        Assert.Equal(Math.Log(2), result.Before.Loss, 4);
        Assert.Equal(1.0, result.After.Accuracy);
        Assert.Equal(1.0, result.After.PreferredShare);
        Assert.True(result.After.LogProbabilityMargin > result.Before.LogProbabilityMargin + 5,
            $"log-probability margin (chosen - rejected) went from {result.Before.LogProbabilityMargin:0.00} to {result.After.LogProbabilityMargin:0.00} nats");
        Assert.True(result.After.Loss < 0.2, $"DPO loss {result.After.Loss}");

        // The metrics log carries the margin and accuracy of every step, and the margin grows.
        var lines = File.ReadAllLines(Path.Combine(output, Trainer.MetricsFile)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(60, lines.Count);
        var margins = lines.Select(l => l.GetProperty("reward_margin").GetDouble()).ToList();
        Assert.True(margins.TakeLast(5).Average() > margins.Take(5).Average() + 0.5, $"reward margin {margins[0]:0.000} -> {margins[^1]:0.000}");
        Assert.Equal(1.0, lines[^1].GetProperty("accuracy").GetDouble());
        Assert.True(lines[19].TryGetProperty("val_reward_margin", out _) && lines[19].TryGetProperty("val_accuracy", out _), lines[19].ToString());
        Assert.Contains(MetricsLog.Read(Path.Combine(output, Trainer.MetricsFile), 60), p => p.Metrics is { } m && m.ContainsKey("reward_margin"));

        // The reference is untouched: its file, and the log-probabilities it gives.
        Assert.Equal(hashBefore, SHA256.HashData(File.ReadAllBytes(weights)));
        var again = await thread.RunAsync(() =>
        {
            using var reference = ModelFolder.LoadModel(init);
            var objective = new DpoObjective(ModelFolder.LoadTokenizer(init), pairs, reference.Config.ContextLength, beta: 0.1);
            objective.ComputeReference(reference);
            return objective.Measure(reference);
        });
        Assert.Equal(result.Before.LogProbabilityMargin, again.LogProbabilityMargin, 4);

        // The trained folder is a model like any other, and it prefers the valid reply.
        var trained = await thread.RunAsync(() =>
        {
            using var model = ModelFolder.LoadModel(output);
            var objective = new DpoObjective(ModelFolder.LoadTokenizer(output), pairs, model.Config.ContextLength, beta: 0.1, heldOutEvery: 0);
            objective.ComputeReference(model);
            return objective.Measure(model);
        });
        Assert.Equal(1.0, trained.PreferredShare);
    }

    [Fact]
    public async Task A_policy_equal_to_its_reference_has_loss_log_two_and_no_margin()
    {
        var tokenizer = BpeTrainer.Train(Names.Select(Valid).Concat(Names.Select(Invalid)), 300);
        var pairs = Names.Select(n => new PreferencePair(Prompt(n), Valid(n), Invalid(n))).ToList();
        var statistics = await thread.RunAsync(() =>
        {
            using var model = new Transformer(new ModelConfig(tokenizer.VocabularySize, ContextLength: 64, Layers: 1, Heads: 2, KeyValueHeads: 1, Width: 16, HiddenSize: 32), seed: 2);
            var objective = new DpoObjective(tokenizer, pairs, 64, beta: 0.5, heldOutEvery: 0);
            Assert.Throws<InvalidOperationException>(() => objective.Measure(model));
            objective.ComputeReference(model, batchSize: 4);
            var loss = objective.Loss(model, heldOut: false, new Random(1), batchSize: 3, length: 64).item<float>();
            Assert.Equal(Math.Log(2), loss, 4);
            var figures = objective.TakeMetrics();
            Assert.Equal(0, figures["reward_margin"], 5);
            Assert.Empty(objective.TakeMetrics());
            return objective.Measure(model, batchSize: 4);
        });
        Assert.Equal(6, statistics.Pairs);
        Assert.Equal(Math.Log(2), statistics.Loss, 5);
        Assert.Equal(0, statistics.RewardMargin, 6);
    }

    [Fact]
    public async Task Live_tensor_count_stays_flat_over_dpo_steps_and_evaluations()
    {
        var tokenizer = BpeTrainer.Train(Names.Select(Valid).Concat(Names.Select(Invalid)), 300);
        var pairs = Names.Select(n => new PreferencePair(Prompt(n), Valid(n), Invalid(n))).ToList();
        var model = await thread.CreateAsync(() => new Transformer(new ModelConfig(tokenizer.VocabularySize, ContextLength: 64, Layers: 1, Heads: 2, KeyValueHeads: 1, Width: 16, HiddenSize: 32), seed: 2));
        var objective = new DpoObjective(tokenizer, pairs, 64, heldOutEvery: 3);
        await thread.RunAsync(() => objective.ComputeReference(model, batchSize: 4));
        var counts = new Dictionary<int, long>();
        var options = new TrainingOptions(Steps: 20, BatchSize: 2, WarmupSteps: 2, EvalEvery: 5, EvalBatches: 2);
        await new Trainer(thread, model, objective, options) { OnProgress = p => counts[p.Step] = thread.LiveTensorCount() }.RunAsync();
        await thread.RunAsync(() => objective.Measure(model, heldOut: true, batchSize: 2));
        Assert.Equal(counts[4], counts[19]);
        Assert.Equal(counts[5], counts[20]);
        Assert.Equal(counts[20], thread.LiveTensorCount());
    }

    [Fact]
    public async Task A_bad_pair_line_stops_the_job_before_anything_is_written()
    {
        File.WriteAllLines(temp["pairs.jsonl"],
        [
            PreferencePairs.ToJsonLine(new PreferencePair(Prompt("Tom"), Valid("Tom"), Invalid("Tom"))),
            """{"prompt": [{"role": "user", "content": "hi"}], "chosen": "hello"}""",
        ]);
        var error = await Assert.ThrowsAsync<DatasetFormatException>(() =>
            PreferenceJob.RunAsync(new PreferenceJobOptions(temp["pairs.jsonl"], temp["no-model"], temp["out"], new TrainingOptions(Steps: 2))));
        Assert.StartsWith($"{temp["pairs.jsonl"]}:2:", error.Message);
        Assert.Contains("\"rejected\"", error.Message);
        Assert.False(Directory.Exists(temp["out"]));
    }

    [Fact]
    public async Task A_dpo_resume_with_another_beta_or_pairs_file_is_refused_naming_the_option_both_values_and_the_folder()
    {
        var pairs = Names.Select(n => new PreferencePair(Prompt(n), Valid(n), Invalid(n))).ToList();
        PreferencePairs.Write(temp["pairs.jsonl"], pairs);
        File.Copy(temp["pairs.jsonl"], temp["same-pairs.jsonl"]);
        var tokenizer = BpeTrainer.Train(Names.Select(Valid).Concat(Names.Select(Invalid)), 300);
        await thread.RunAsync(() =>
        {
            using var model = new Transformer(new ModelConfig(tokenizer.VocabularySize, ContextLength: 64, Layers: 1, Heads: 2, KeyValueHeads: 1, Width: 16, HiddenSize: 32), seed: 2);
            ModelFolder.Save(temp["init"], model, tokenizer);
        });

        var output = temp["dpo"];
        var job = new PreferenceJobOptions(
            temp["pairs.jsonl"], temp["init"], output, new TrainingOptions(Steps: 4, BatchSize: 2, WarmupSteps: 1, EvalEvery: 0, EvalBatches: 1), Beta: 0.1, Resume: true, Device: "cpu", Threads: 1);
        using (var cancel = new CancellationTokenSource())
        {
            var stopped = await Assert.ThrowsAsync<TrainingStoppedException>(() => PreferenceJob.RunAsync(job, p =>
            {
                if (p.Step == 2)
                {
                    cancel.Cancel();
                }
            }, cancellationToken: cancel.Token));
            Assert.Equal(2, stopped.Step);
        }

        var state = File.ReadAllText(Path.Combine(output, Trainer.StateFile));
        async Task<string> Refused(PreferenceJobOptions other) => (await Assert.ThrowsAsync<RuntimeOptionException>(() => PreferenceJob.RunAsync(other))).Message;
        Assert.Equal(
            $"--beta: the run in {output} was made with --beta 0.1 and cannot be resumed with --beta 0.25; resume it with --beta 0.1, or train into a new folder.",
            await Refused(job with { Beta = 0.25 }));
        Assert.StartsWith(
            $"--dpo: the run in {output} was made with --dpo {temp["pairs.jsonl"]} and cannot be resumed with --dpo {temp["same-pairs.jsonl"]};",
            await Refused(job with { PairsPath = temp["same-pairs.jsonl"] }));
        Assert.Equal(state, File.ReadAllText(Path.Combine(output, Trainer.StateFile)));

        var resumed = await PreferenceJob.RunAsync(job);
        Assert.Equal([1, 2, 3, 4], resumed.Training.History.Select(p => p.Step));
    }

    internal static IReadOnlyList<ChatMessage> Prompt(string name) =>
        [new ChatMessage("system", "Reply with JSON."), new ChatMessage("user", $"How is {name} feeling?")];

    internal static string Valid(string name) => $$"""{"name": "{{name}}", "mood": "happy"}""";

    internal static string Invalid(string name) => $"name {name} mood happy";

    /// <summary>A tiny model fine-tuned on the chosen and the rejected replies equally, saved as a model folder.</summary>
    private async Task<string> TrainAmbivalentModelAsync(IReadOnlyList<PreferencePair> pairs)
    {
        var conversations = pairs.SelectMany(p => new[] { p.Chosen, p.Rejected }.Select(reply => (IReadOnlyList<ChatMessage>)[.. p.Prompt, new ChatMessage("assistant", reply)])).ToList();
        var tokenizer = BpeTrainer.Train(conversations.SelectMany(c => c.Select(m => m.Content)), 300);
        var config = new ModelConfig(tokenizer.VocabularySize, ContextLength: 64, Layers: 2, Heads: 4, KeyValueHeads: 2, Width: 32, HiddenSize: 64);
        var model = await thread.CreateAsync(() => new Transformer(config, seed: 1));
        var options = new TrainingOptions(Steps: 60, BatchSize: 6, SequenceLength: 48, LearningRate: 1e-2, MinLearningRate: 1e-3, WarmupSteps: 5, WeightDecay: 0, EvalEvery: 0);
        await new Trainer(thread, model, new ChatExamples(tokenizer, conversations, heldOutEvery: 0), options).RunAsync();
        var folder = temp["init"];
        await thread.RunAsync(() => ModelFolder.Save(folder, model, tokenizer));
        await thread.RunAsync(model.Dispose);
        return folder;
    }
}
