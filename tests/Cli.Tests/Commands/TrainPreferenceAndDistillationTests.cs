using System.Text.Json;

namespace Agents.Cli.Tests.Commands;

public sealed class TrainPreferenceAndDistillationTests
{
    private const string TinyModel = """
        { "model": { "layers": 1, "heads": 2, "key_value_heads": 1, "width": 32, "hidden_size": 64, "context_length": 48 } }
        """;

    private static readonly string[] Names = ["Isabella", "Klaus", "Maria", "Tom", "Ayesha"];

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Dpo_from_pairs_or_from_chat_writes_a_model_and_logs_margin_and_accuracy()
    {
        using var temp = new TempFolder();
        WriteChat(temp["chat.jsonl"]);
        File.WriteAllText(temp["config.json"], TinyModel);
        var sft = await CliHarness.RunAsync(
            "train", "--sft", "--data", temp["chat.jsonl"], "--out", temp["base"], "--config", temp["config.json"],
            "--steps", "20", "--batch", "4", "--lr", "0.01", "--vocab", "300", "--eval-every", "0", "--threads", "1");
        Assert.True(sft.Exit == 0, sft.Err);

        File.WriteAllLines(temp["pairs.jsonl"], Names.Select(n =>
            $$"""{"messages": [{"role": "user", "content": "Mood of {{n}}?"}], "chosen": "{\"name\": \"{{n}}\", \"mood\": \"calm\"}", "rejected": "{{n}} calm"}"""));
        var dpo = await CliHarness.RunAsync(
            "train", "--dpo", temp["pairs.jsonl"], "--init", temp["base"], "--out", temp["dpo"], "--beta", "0.2",
            "--steps", "8", "--batch", "2", "--lr", "0.005", "--eval-every", "4", "--threads", "1");
        Assert.True(dpo.Exit == 0, dpo.Err);
        Assert.Contains("DPO steps on 4 pairs. Chosen minus rejected log-probability", dpo.Out);
        var lines = File.ReadAllLines(Path.Combine(temp["dpo"], "training.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(8, lines.Count);
        Assert.All(lines, l => Assert.True(l.TryGetProperty("reward_margin", out _) && l.TryGetProperty("accuracy", out _), l.ToString()));
        Assert.True(lines[3].TryGetProperty("val_accuracy", out _));
        Assert.Equal(File.ReadAllText(Path.Combine(temp["base"], "tokenizer.json")), File.ReadAllText(Path.Combine(temp["dpo"], "tokenizer.json")));

        // Resuming with another beta is refused before anything is written, naming the option, both values and the folder.
        var state = File.ReadAllText(Path.Combine(temp["dpo"], "trainer_state.json"));
        var otherBeta = await CliHarness.RunAsync(
            "train", "--dpo", temp["pairs.jsonl"], "--init", temp["base"], "--out", temp["dpo"], "--beta", "0.3", "--resume",
            "--steps", "8", "--batch", "2", "--lr", "0.005", "--eval-every", "4", "--threads", "1");
        Assert.Equal(2, otherBeta.Exit);
        Assert.Contains($"--beta: the run in {temp["dpo"]} was made with --beta 0.2 and cannot be resumed with --beta 0.3", otherBeta.Err);
        Assert.Equal(state, File.ReadAllText(Path.Combine(temp["dpo"], "trainer_state.json")));

        var fromChat = await CliHarness.RunAsync(
            "train", "--dpo-from-chat", temp["chat.jsonl"], "--init", temp["base"], "--out", temp["dpo-chat"], "--steps", "2", "--batch", "2", "--threads", "1");
        Assert.True(fromChat.Exit == 0, fromChat.Err);
        var pairs = File.ReadAllLines(Path.Combine(temp["dpo-chat"], "dpo_pairs.jsonl"));
        Assert.Equal(Names.Length, pairs.Length);
        Assert.All(pairs, p =>
        {
            var root = JsonDocument.Parse(p).RootElement;
            Assert.NotEqual(root.GetProperty("chosen").GetString(), root.GetProperty("rejected").GetString());
        });
    }

    [Fact]
    public async Task Dpo_input_and_option_mistakes_exit_2_before_anything_is_written()
    {
        using var temp = new TempFolder();
        File.WriteAllLines(temp["pairs.jsonl"],
        [
            """{"prompt": "Mood?", "chosen": "calm", "rejected": "c a l m"}""",
            """{"prompt": [{"role": "user", "content": "Mood?"}], "chosen": "calm", "rejected": "calm"}""",
        ]);

        var badLine = await CliHarness.RunAsync("train", "--dpo", temp["pairs.jsonl"], "--init", temp["base"], "--out", temp["out"]);
        Assert.Equal(2, badLine.Exit);
        Assert.Contains($"{temp["pairs.jsonl"]}:2: expected \"chosen\" and \"rejected\" to differ", badLine.Err);

        var noInit = await CliHarness.RunAsync("train", "--dpo", temp["pairs.jsonl"], "--out", temp["out"]);
        Assert.Equal(2, noInit.Exit);
        Assert.Contains("--init", noInit.Err);

        var withData = await CliHarness.RunAsync("train", "--dpo", temp["pairs.jsonl"], "--data", temp["pairs.jsonl"], "--init", temp["base"], "--out", temp["out"]);
        Assert.Equal(2, withData.Exit);
        Assert.Contains("--data cannot be given", withData.Err);

        var noData = await CliHarness.RunAsync("train", "--out", temp["out"]);
        Assert.Equal(2, noData.Exit);
        Assert.Contains("--data is required", noData.Err);

        var strayBeta = await CliHarness.RunAsync("train", "--data", temp["pairs.jsonl"], "--beta", "0.3", "--out", temp["out"]);
        Assert.Equal(2, strayBeta.Exit);
        Assert.Contains("--beta needs --dpo", strayBeta.Err);

        var strayWeight = await CliHarness.RunAsync("train", "--data", temp["pairs.jsonl"], "--kd-weight", "0.3", "--out", temp["out"]);
        Assert.Equal(2, strayWeight.Exit);
        Assert.Contains("--teacher", strayWeight.Err);

        var badWeight = await CliHarness.RunAsync("train", "--data", temp["pairs.jsonl"], "--teacher", temp["t"], "--kd-weight", "2", "--out", temp["out"]);
        Assert.Equal(2, badWeight.Exit);
        Assert.Contains("--kd-weight", badWeight.Err);
        Assert.False(Directory.Exists(temp["out"]));

        var help = await CliHarness.RunAsync("train", "--help");
        Assert.Contains("\"chosen\"", help.Out);
        Assert.Contains("--kd-temperature", help.Out);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_student_distils_a_teacher_through_its_tokenizer_and_a_foreign_tokenizer_is_refused()
    {
        using var temp = new TempFolder();
        WriteChat(temp["chat.jsonl"]);
        File.WriteAllText(temp["config.json"], TinyModel);
        File.WriteAllText(temp["student.json"], """{ "model": { "layers": 1, "heads": 2, "key_value_heads": 1, "width": 16, "hidden_size": 32, "context_length": 48 } }""");
        var teacher = await CliHarness.RunAsync(
            "train", "--sft", "--data", temp["chat.jsonl"], "--out", temp["teacher"], "--config", temp["config.json"],
            "--steps", "10", "--batch", "4", "--vocab", "300", "--eval-every", "0", "--threads", "1");
        Assert.True(teacher.Exit == 0, teacher.Err);

        var student = await CliHarness.RunAsync(
            "train", "--sft", "--data", temp["chat.jsonl"], "--teacher", temp["teacher"], "--kd-temperature", "2", "--kd-weight", "0.5",
            "--out", temp["student"], "--config", temp["student.json"], "--steps", "6", "--batch", "4", "--eval-every", "3", "--threads", "1");
        Assert.True(student.Exit == 0, student.Err);
        Assert.Equal(File.ReadAllText(Path.Combine(temp["teacher"], "tokenizer.json")), File.ReadAllText(Path.Combine(temp["student"], "tokenizer.json")));
        using (var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp["student"], "config.json"))))
        {
            Assert.Equal(16, config.RootElement.GetProperty("width").GetInt32());
        }

        var last = JsonDocument.Parse(File.ReadAllLines(Path.Combine(temp["student"], "training.jsonl"))[^1]).RootElement;
        Assert.True(last.TryGetProperty("kd_divergence", out _) && last.TryGetProperty("val_kd_divergence", out _), last.ToString());

        var otherWeight = await CliHarness.RunAsync(
            "train", "--sft", "--data", temp["chat.jsonl"], "--teacher", temp["teacher"], "--kd-temperature", "2", "--kd-weight", "0.7", "--resume",
            "--out", temp["student"], "--config", temp["student.json"], "--steps", "6", "--batch", "4", "--eval-every", "3", "--threads", "1");
        Assert.Equal(2, otherWeight.Exit);
        Assert.Contains($"--kd-weight: the run in {temp["student"]} was made with --kd-weight 0.5 and cannot be resumed with --kd-weight 0.7", otherWeight.Err);

        // A model with its own tokenizer (trained on other text) cannot be the student of this teacher.
        File.WriteAllText(temp["other.txt"], string.Concat(Enumerable.Repeat("zebra quartz vortex jumble ", 200)));
        var other = await CliHarness.RunAsync(
            "train", "--data", temp["other.txt"], "--out", temp["other"], "--config", temp["student.json"], "--steps", "1", "--batch", "2", "--vocab", "270", "--threads", "1");
        Assert.True(other.Exit == 0, other.Err);
        var refused = await CliHarness.RunAsync(
            "train", "--sft", "--data", temp["chat.jsonl"], "--teacher", temp["teacher"], "--init", temp["other"], "--out", temp["refused"], "--steps", "2", "--threads", "1");
        Assert.Equal(2, refused.Exit);
        Assert.Contains("tokenizer differs", refused.Err);
        Assert.False(Directory.Exists(temp["refused"]));
    }

    private static void WriteChat(string path) =>
        File.WriteAllLines(path, Names.Select(n =>
            $$"""{"messages": [{"role": "user", "content": "Mood of {{n}}?"}, {"role": "assistant", "content": "{\"name\": \"{{n}}\", \"mood\": \"calm\"}"}]}"""));
}
