using Agents.Runtime.Model;
using Agents.Runtime.Threading;
using Agents.Runtime.Tokenization;
using Agents.Runtime.Training;

namespace Agents.Runtime.Tests.Training;

public sealed class DataAndScheduleTests : IDisposable
{
    private static readonly ChatTokenizer Tokenizer = BpeTrainer.Train(["Who runs the cafe? Isabella runs the cafe. Hello there, how are you?"], 300);
    private readonly string folder = Directory.CreateTempSubdirectory("data-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Learning_rate_warms_up_linearly_then_decays_by_cosine_to_the_minimum()
    {
        var options = new TrainingOptions(Steps: 110, LearningRate: 1e-3, MinLearningRate: 1e-4, WarmupSteps: 10);
        Assert.Equal(1e-4, LearningRateSchedule.At(1, options), 12);
        Assert.Equal(5e-4, LearningRateSchedule.At(5, options), 12);
        Assert.Equal(1e-3, LearningRateSchedule.At(10, options), 12);
        Assert.Equal(5.5e-4, LearningRateSchedule.At(60, options), 12);
        Assert.Equal(1e-4, LearningRateSchedule.At(110, options), 12);
        var decaying = Enumerable.Range(10, 101).Select(s => LearningRateSchedule.At(s, options)).ToList();
        Assert.True(decaying.Zip(decaying.Skip(1)).All(p => p.First >= p.Second));
    }

    [Fact]
    public async Task AdamW_decays_matrices_but_not_norms_or_the_embedding()
    {
        using var thread = new ModelThread();
        var model = await thread.CreateAsync(() => new Transformer(TinyModels.Config()));
        using var optimizer = await thread.CreateAsync(() => new AdamW(model));
        var (decay, noDecay) = optimizer.Groups;
        Assert.Contains("embed_tokens.weight", noDecay);
        Assert.Contains("norm.weight", noDecay);
        Assert.Contains("layers.1.post_attention_layernorm.weight", noDecay);
        Assert.Contains("layers.0.mlp.gate_proj.weight", decay);
        Assert.DoesNotContain(decay, n => n.Contains("norm") || n.Contains("embed"));
        Assert.Equal(model.named_parameters().Count(), decay.Count + noDecay.Count);
    }

    [Fact]
    public void Chat_examples_target_only_assistant_tokens()
    {
        var conversation = new[] { new ChatMessage("system", "Be brief."), new ChatMessage("user", "Who runs the cafe?"), new ChatMessage("assistant", "Isabella.") };
        var data = new ChatExamples(Tokenizer, [conversation], heldOutEvery: 0);
        var (inputs, targets) = data.Sample(false, new Random(1), 2, 64);
        var row = targets.Take(64).ToList();
        var targetIds = row.Where(t => t >= 0).Select(t => (int)t).ToList();
        Assert.Equal("Isabella.<|end|>", Tokenizer.Decode(targetIds));
        var firstTarget = row.FindIndex(t => t >= 0);
        Assert.Equal("<|system|>\nBe brief.<|end|>\n<|user|>\nWho runs the cafe?<|end|>\n<|assistant|>\n", Tokenizer.Decode(inputs.Take(firstTarget + 1).Select(i => (int)i)));
    }

    [Fact]
    public void Packed_rows_hold_several_whole_conversations_and_target_only_their_replies()
    {
        var conversations = new[]
        {
            new[] { new ChatMessage("user", "Rate it."), new ChatMessage("assistant", "3") },
            new[] { new ChatMessage("user", "Rate that."), new ChatMessage("assistant", "7") },
        };
        var packed = new ChatExamples(Tokenizer, conversations, heldOutEvery: 0, pack: true);
        var padded = new ChatExamples(Tokenizer, conversations, heldOutEvery: 0);
        var (inputs, targets) = packed.Sample(false, new Random(3), 1, 128);
        var (_, paddedTargets) = padded.Sample(false, new Random(3), 1, 128);

        Assert.Equal(2, paddedTargets.Count(t => t >= 0));
        Assert.True(targets.Count(t => t >= 0) >= 8, "a packed row of 128 tokens holds several two-token replies");
        var text = Tokenizer.Decode(inputs.Select(i => (int)i).Where(i => i != Tokenizer.EndOfText));
        Assert.True(text.Split("<|user|>").Length > 4, text);
        var replies = Tokenizer.Decode(targets.Where(t => t >= 0).Select(t => (int)t));
        Assert.Matches("^([37]<\\|end\\|>)+[37]?$", replies);
    }

    [Fact]
    public void A_long_conversation_is_windowed_so_the_assistant_reply_is_in_view()
    {
        var longUser = string.Join(" ", Enumerable.Repeat("Hello there, how are you?", 40));
        var data = new ChatExamples(Tokenizer, [[new ChatMessage("user", longUser), new ChatMessage("assistant", "Fine.")]], heldOutEvery: 0);
        var (_, targets) = data.Sample(false, new Random(1), 1, 32);
        Assert.Contains(targets, t => t >= 0);
    }

    [Fact]
    public void Bad_chat_lines_are_reported_with_file_and_line()
    {
        var path = Path.Combine(folder, "chat.jsonl");
        string[] good = ["""{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}"""];
        File.WriteAllLines(path, [.. good, "", "{\"messages\": [{\"role\": \"user\"}]}"]);
        var error = Assert.Throws<DatasetFormatException>(() => DatasetReader.ReadChat(path));
        Assert.StartsWith($"{path}:3:", error.Message);
        Assert.Contains("content", error.Message);

        File.WriteAllLines(path, [.. good, "not json"]);
        Assert.StartsWith($"{path}:2:", Assert.Throws<DatasetFormatException>(() => DatasetReader.ReadChat(path)).Message);

        File.WriteAllLines(path, ["""{"messages":[{"role":"narrator","content":"x"}]}"""]);
        Assert.Contains("\"narrator\"", Assert.Throws<DatasetFormatException>(() => DatasetReader.ReadChat(path)).Message);

        File.WriteAllLines(path, ["""{"messages":[{"role":"user","content":"x"}]}"""]);
        Assert.Contains("assistant", Assert.Throws<DatasetFormatException>(() => DatasetReader.ReadChat(path)).Message);

        File.WriteAllLines(path, [.. good, .. good]);
        Assert.Equal(2, DatasetReader.ReadChat(path).Count);
    }

    [Fact]
    public void Text_data_reads_a_file_or_a_folder_and_a_missing_path_is_named()
    {
        File.WriteAllText(Path.Combine(folder, "b.txt"), "second");
        File.WriteAllText(Path.Combine(folder, "a.md"), "first");
        File.WriteAllText(Path.Combine(folder, "skip.bin"), "no");
        Assert.Equal(["first", "second"], DatasetReader.ReadText(folder));
        var missing = Path.Combine(folder, "nope.txt");
        Assert.Contains(missing, Assert.Throws<DatasetFormatException>(() => DatasetReader.ReadText(missing)).Message);
    }
}
