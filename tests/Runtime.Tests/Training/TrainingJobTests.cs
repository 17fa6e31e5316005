using Agents.Runtime.Checkpoints;
using Agents.Runtime.Inference;
using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using Agents.Runtime.Tokenization;
using Agents.Runtime.Training;

namespace Agents.Runtime.Tests.Training;

public sealed class TrainingJobTests : IDisposable
{
    private static readonly ModelConfig Small = new(VocabularySize: 0, ContextLength: 48, Layers: 2, Heads: 4, KeyValueHeads: 2, Width: 32, HiddenSize: 64);
    private readonly string folder = Directory.CreateTempSubdirectory("job-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Fine_tuning_on_chat_jsonl_teaches_the_assistant_replies()
    {
        var data = Path.Combine(folder, "chat.jsonl");
        string[] pets = ["cat", "dog", "fish", "bird"];
        File.WriteAllLines(data, pets.Select(p =>
            $$"""{"messages":[{"role":"system","content":"Answer with the sound."},{"role":"user","content":"What does the {{p}} say?"},{"role":"assistant","content":"The {{p}} says {{Sound(p)}}."}]}"""));
        var output = Path.Combine(folder, "model");
        var options = new TrainingOptions(Steps: 240, BatchSize: 4, LearningRate: 1e-2, MinLearningRate: 1e-3, WarmupSteps: 10, WeightDecay: 0, EvalEvery: 0);
        var result = await TrainingJob.RunAsync(new TrainingJobOptions(data, output, options, Sft: true, Model: Small, VocabularySize: 300, Device: "cpu", Threads: 1));
        Assert.True(result.History[^1].Loss < 0.3, $"final loss {result.History[^1].Loss}"); // packed rows: a reply may follow another conversation in view

        using var thread = new ModelThread(threads: 1);
        var tokenizer = ModelFolder.LoadTokenizer(output);
        var reply = await thread.RunAsync(() =>
        {
            using var model = ModelFolder.LoadModel(output);
            var prompt = ChatTemplate.EncodePrompt(tokenizer, [new ChatMessage("system", "Answer with the sound."), new ChatMessage("user", "What does the dog say?")]);
            return tokenizer.Decode(TextGenerator.Generate(model, prompt, 20, temperature: 0, seed: 1, new HashSet<int> { tokenizer.EndOfMessage }));
        });
        Assert.Equal("The dog says woof.<|end|>", reply);
    }

    [Fact]
    public async Task A_bad_line_stops_the_job_before_anything_is_written()
    {
        var data = Path.Combine(folder, "chat.jsonl");
        File.WriteAllLines(data, ["""{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}""", """{"messages": "oops"}"""]);
        var output = Path.Combine(folder, "model");
        var error = await Assert.ThrowsAsync<DatasetFormatException>(() =>
            TrainingJob.RunAsync(new TrainingJobOptions(data, output, new TrainingOptions(Steps: 2), Sft: true, Model: Small, VocabularySize: 300)));
        Assert.StartsWith($"{data}:2:", error.Message);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Training_into_a_folder_that_holds_a_model_needs_resume()
    {
        var data = Path.Combine(folder, "text.txt");
        File.WriteAllText(data, string.Concat(Enumerable.Repeat("the quick brown fox jumps over the lazy dog. ", 400)));
        var output = Path.Combine(folder, "model");
        var options = new TrainingOptions(Steps: 3, BatchSize: 2, WarmupSteps: 1, EvalEvery: 0, EvalBatches: 1);
        var job = new TrainingJobOptions(data, output, options, Model: Small, VocabularySize: 300, Threads: 1);
        await TrainingJob.RunAsync(job);
        Assert.True(File.Exists(Path.Combine(output, ModelFolder.WeightsFile)));
        Assert.Contains("--resume", (await Assert.ThrowsAsync<RuntimeOptionException>(() => TrainingJob.RunAsync(job))).Message);
        Assert.Throws<RuntimeOptionException>(() => Devices.DeviceSelector.IsBf16("fp16"));
    }

    private static string Sound(string pet) => pet switch { "cat" => "meow", "dog" => "woof", "fish" => "blub", _ => "tweet" };
}
