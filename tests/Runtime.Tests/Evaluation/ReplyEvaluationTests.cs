using System.Text.Json;
using Agents.Runtime.Checkpoints;
using Agents.Runtime.Evaluation;
using Agents.Runtime.Inference;
using Agents.Runtime.Serving;
using Agents.Runtime.Tests.Inference;
using Agents.Runtime.Training;

namespace Agents.Runtime.Tests.Evaluation;

[Collection(TinyChatCollection.Name)]
public sealed class ReplyEvaluationTests(TinyChatModel tiny) : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_model_that_learned_its_teacher_agrees_with_it_and_a_shape_it_never_writes_counts_as_invalid()
    {
        var folder = temp["model"];
        await tiny.Thread.RunAsync(() => ModelFolder.Save(folder, tiny.Model, tiny.Tokenizer));
        var data = Path.Combine(temp.Path, "heldout.jsonl");
        var lines = TinyChatModel.Names.Select(n => Line(n, $"Hello! I am {n} and I feel fine today.", "greeting", "Hello! I am [A-Za-z]+ and I feel fine today\\."))
            .Append(Line("Tom", "42", "number", "[0-9]+"));
        await File.WriteAllLinesAsync(data, lines);

        await using var host = await LocalModelHost.LoadAsync(folder, new EngineOptions(Slots: 4), threads: 1);
        var report = await ReplyEvaluation.RunAsync(host, LabelledReply.Read(data));

        var greeting = report.Rows.Single(r => r.Type == "greeting");
        Assert.Equal(5, greeting.Count);
        Assert.Equal(1.0, greeting.Valid);
        Assert.Equal(1.0, greeting.Exact);
        Assert.Equal(1.0, greeting.Similarity, 6);
        Assert.InRange(greeting.Loss, 0, 0.5);

        var number = report.Rows.Single(r => r.Type == "number");
        Assert.Equal(0.0, number.Valid);
        Assert.Equal(0.0, number.Exact);
        Assert.True(number.Loss > greeting.Loss, "the teacher's '42' is unlikely for a model that always greets");

        Assert.Equal(6, report.Overall.Count);
        Assert.Equal(5.0 / 6, report.Overall.Valid!.Value, 6);
        Assert.Contains("| greeting | 5 | 100.0 % | 100.0 % | 1.000 |", report.ToMarkdown());
        Assert.Equal("greeting", JsonDocument.Parse(report.ToJson()).RootElement.GetProperty("rows")[0].GetProperty("type").GetString());
    }

    [Fact]
    public void Word_f1_counts_shared_words_without_case_or_punctuation()
    {
        Assert.Equal(1.0, ReplyEvaluation.WordF1("Hello, Tom!", "hello tom"));
        Assert.Equal(0.0, ReplyEvaluation.WordF1("coffee", "tea"));
        Assert.Equal(2 * 0.5 * 1.0 / 1.5, ReplyEvaluation.WordF1("meet at noon today", "meet noon"), 9);
        Assert.Equal(1.0, ReplyEvaluation.WordF1("", ""));
    }

    [Fact]
    public void A_shape_must_match_the_whole_reply()
    {
        Assert.True(ReplyEvaluation.Matches("[0-9]+", "7"));
        Assert.False(ReplyEvaluation.Matches("[0-9]+", "7 because"));
        Assert.True(ReplyEvaluation.Matches("Say: .+\nEnd: (yes|no)", "Say: hi\nEnd: no"));
    }

    [Fact]
    public void A_held_out_line_without_a_final_reply_is_an_error_naming_the_line()
    {
        var path = Path.Combine(temp.Path, "bad.jsonl");
        File.WriteAllLines(path, [Line("Tom", "hi", "greeting", null), """{"messages":[{"role":"user","content":"hi"}]}"""]);
        var error = Assert.Throws<DatasetFormatException>(() => LabelledReply.Read(path));
        Assert.StartsWith($"{path}:2:", error.Message);
    }

    private static string Line(string name, string reply, string type, string? shape) => JsonSerializer.Serialize(new
    {
        messages = TinyChatModel.Greeting(name).Select(m => new { role = m.Role, content = m.Content }).Append(new { role = "assistant", content = reply }),
        decision = type,
        shape,
    });
}
