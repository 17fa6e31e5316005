using System.Security.Cryptography;
using Agents.Runtime.Checkpoints;
using Agents.Runtime.Inference;
using Agents.Runtime.Model;
using Agents.Runtime.Tests.Inference;
using Agents.Runtime.Threading;
using Agents.Runtime.Tokenization;
using Agents.Runtime.Training;
using static TorchSharp.torch;

namespace Agents.Runtime.Tests.Training;

/// <summary>
/// LoRA runs on the shared tiny chat model, which answers "Hello! I am NAME and I feel fine today.": the adapter
/// teaches it to say the same words in another order. (Words the base never writes are a poor target for a tiny
/// model: its output head is tied to the frozen embedding, and a token it never produced has too short a row there.)
/// </summary>
[Collection(TinyChatCollection.Name)]
public sealed class LoraTrainingJobTests(TinyChatModel tiny) : IDisposable
{
    private static readonly TrainingOptions Options = new(Steps: 100, BatchSize: 4, SequenceLength: 48, LearningRate: 1e-2, MinLearningRate: 1e-3, WarmupSteps: 5, WeightDecay: 0, EvalEvery: 0, EvalBatches: 2);
    private static readonly LoraConfig Lora = new(Rank: 4, Alpha: 8, LoraConfig.AllTargets);
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    private static string Reordered(string name) => $"Hello! I feel fine today and I am {name}.";

    [Fact]
    public async Task An_adapter_learns_its_data_while_the_base_folder_stays_byte_for_byte_the_same()
    {
        var (baseFolder, data) = await WriteBaseAndDataAsync();
        var before = FolderHashes(baseFolder);

        var result = await LoraTrainingJob.RunAsync(new LoraJobOptions(data, baseFolder, temp["adapter"], Options, Lora, Device: "cpu", Threads: 1));

        Assert.Equal(FolderHashes(baseFolder), before);
        Assert.Equal(Lora.ParameterCount(tiny.Model.Config), result.TrainableParameters);
        Assert.NotNull(result.BaseValidationLoss);
        var history = result.Training.History;
        Assert.True(history[^1].Loss < 0.1 * history[0].Loss, $"training loss {history[0].Loss} -> {history[^1].Loss}");
        Assert.True(result.Training.FinalValidationLoss < 0.5 * result.BaseValidationLoss, $"held-out loss base {result.BaseValidationLoss} -> adapter {result.Training.FinalValidationLoss}");
        Assert.True(File.Exists(temp["adapter/adapter.safetensors"]) && File.Exists(temp["adapter/adapter_config.json"]));
        Assert.False(File.Exists(temp["adapter/model.safetensors"]), "without --merge only the adapter is written");

        // The optimiser holds moments for the adapter's values only: two per trainable parameter.
        var moments = SafeTensors.Read(temp["adapter/" + Trainer.OptimizerFile]);
        Assert.All(moments.Keys, k => Assert.Contains(".lora_", k));
        Assert.Equal(2 * result.TrainableParameters, moments.Values.Sum(t => t.numel()));

        // The base answers as it was trained; base plus adapter answers as the adapter was.
        using var thread = new ModelThread(threads: 1);
        var (plain, adapted) = await thread.RunAsync(() =>
        {
            using var model = ModelFolder.LoadModel(baseFolder);
            var greeting = Reply(model, "Klaus");
            using var adapter = LoraFolder.Load(temp["adapter"], model);
            adapter.Attach(model);
            return (greeting, Reply(model, "Klaus"));
        });
        Assert.Equal("Hello! I am Klaus and I feel fine today.", plain);
        Assert.Equal(Reordered("Klaus"), adapted);
    }

    [Fact]
    public async Task Merge_writes_a_model_folder_with_the_logits_of_base_plus_adapter()
    {
        var (baseFolder, data) = await WriteBaseAndDataAsync();
        var output = temp["merged"];
        await LoraTrainingJob.RunAsync(new LoraJobOptions(data, baseFolder, output, Options with { Steps = 20 }, Lora, Merge: true, Device: "cpu", Threads: 1));
        foreach (var file in new[] { "config.json", "model.safetensors", "tokenizer.json", "adapter.safetensors", "adapter_config.json" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"missing {file}");
        }

        using var thread = new ModelThread(threads: 1);
        var (difference, change) = await thread.RunAsync(() =>
        {
            using var _ = no_grad();
            var prompt = tensor(ChatTemplate.EncodePrompt(tiny.Tokenizer, TinyChatModel.Greeting("Maria")).Select(i => (long)i).ToArray()).unsqueeze(0);
            using var model = ModelFolder.LoadModel(baseFolder);
            var plain = model.forward(prompt);
            using var adapter = LoraFolder.Load(output, model);
            adapter.Attach(model);
            var adapted = model.forward(prompt);
            using var merged = ModelFolder.LoadModel(output);
            return ((merged.forward(prompt) - adapted).abs().max().item<float>(), (adapted - plain).abs().max().item<float>());
        });
        Assert.True(change > 0.1, $"the adapter barely changes the logits ({change})");
        Assert.True(difference < 1e-4, $"merged and base+adapter logits differ by {difference}");
    }

    [Fact]
    public async Task Bad_options_are_refused_by_name_before_anything_is_written()
    {
        var (baseFolder, data) = await WriteBaseAndDataAsync();
        var output = temp["adapter"];
        async Task<string> Refused(LoraJobOptions job) => (await Assert.ThrowsAsync<RuntimeOptionException>(() => LoraTrainingJob.RunAsync(job))).Message;
        var job = new LoraJobOptions(data, baseFolder, output, Options with { Steps = 2 }, Lora, Device: "cpu", Threads: 1);

        Assert.StartsWith("--rank:", await Refused(job with { Lora = Lora with { Rank = 0 } }));
        Assert.StartsWith("--alpha:", await Refused(job with { Lora = Lora with { Alpha = -1 } }));
        Assert.StartsWith("--targets:", await Refused(job with { Lora = Lora with { Targets = [] } }));
        Assert.StartsWith($"--base {temp["nowhere"]}:", await Refused(job with { BaseDirectory = temp["nowhere"] }));
        Assert.StartsWith("--out", await Refused(job with { OutputDirectory = baseFolder }));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_resumed_lora_run_with_dropout_follows_the_uninterrupted_loss_curve_and_checks_its_base()
    {
        var (baseFolder, data) = await WriteBaseAndDataAsync();
        var options = Options with { Steps = 10, EvalEvery = 5 };
        var lora = Lora with { Dropout = 0.1 };
        var straight = await LoraTrainingJob.RunAsync(new LoraJobOptions(data, baseFolder, temp["straight"], options, lora, Device: "cpu", Threads: 1));

        using var cancel = new CancellationTokenSource();
        var job = new LoraJobOptions(data, baseFolder, temp["resumed"], options, lora, Resume: true, Device: "cpu", Threads: 1);
        await Assert.ThrowsAsync<TrainingStoppedException>(() => LoraTrainingJob.RunAsync(job, p =>
        {
            if (p.Step == 4)
            {
                cancel.Cancel();
            }
        }, cancellationToken: cancel.Token));
        Assert.True(File.Exists(temp["resumed/" + Trainer.StateFile]));

        var other = temp["other-base"];
        await tiny.Thread.RunAsync(() =>
        {
            using var different = new Transformer(tiny.Model.Config, seed: 99);
            ModelFolder.Save(other, different, tiny.Tokenizer);
        });
        Assert.StartsWith($"--base {other}:", (await Assert.ThrowsAsync<RuntimeOptionException>(() => LoraTrainingJob.RunAsync(job with { BaseDirectory = other }))).Message);
        Assert.StartsWith("--rank/--alpha/--targets:", (await Assert.ThrowsAsync<RuntimeOptionException>(() => LoraTrainingJob.RunAsync(job with { Lora = lora with { Rank = 2 } }))).Message);
        Assert.StartsWith(
            $"--lora-dropout: the run in {temp["resumed"]} was made with --lora-dropout 0.1; this one asks for 0.",
            (await Assert.ThrowsAsync<RuntimeOptionException>(() => LoraTrainingJob.RunAsync(job with { Lora = Lora }))).Message);

        var resumed = await LoraTrainingJob.RunAsync(job);
        Assert.Null(resumed.BaseValidationLoss);
        Assert.Equal(10, resumed.Training.History.Count);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(straight.Training.History[i].Loss, resumed.Training.History[i].Loss, 5);
        }

        Assert.Equal(straight.Training.FinalValidationLoss!.Value, resumed.Training.FinalValidationLoss!.Value, 5);
    }

    private string Reply(Transformer model, string name)
    {
        var prompt = ChatTemplate.EncodePrompt(tiny.Tokenizer, TinyChatModel.Greeting(name));
        var output = TextGenerator.Generate(model, prompt, 30, temperature: 0, seed: 1, new HashSet<int> { tiny.Tokenizer.EndOfMessage });
        return tiny.Tokenizer.Decode(output.Count > 0 && output[^1] == tiny.Tokenizer.EndOfMessage ? output[..^1] : output);
    }

    private async Task<(string Base, string Data)> WriteBaseAndDataAsync()
    {
        var baseFolder = temp["base"];
        await tiny.Thread.RunAsync(() => ModelFolder.Save(baseFolder, tiny.Model, tiny.Tokenizer));
        var data = temp["reordered.jsonl"];
        File.WriteAllLines(data, TinyChatModel.Names.Select(n => System.Text.Json.JsonSerializer.Serialize(new
        {
            messages = TinyChatModel.Greeting(n).Select(m => new { role = m.Role, content = m.Content }).Append(new { role = "assistant", content = Reordered(n) }),
        })));
        return (baseFolder, data);
    }

    private static Dictionary<string, string> FolderHashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}
