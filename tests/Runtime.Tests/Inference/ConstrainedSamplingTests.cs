using System.Text.Json;
using System.Text.RegularExpressions;
using Agents.Runtime.Inference;

namespace Agents.Runtime.Tests.Inference;

[Collection(TinyChatCollection.Name)]
public sealed class ConstrainedSamplingTests(TinyChatModel tiny)
{
    public const string Schema = """
        {"type":"object","properties":{
          "name":{"type":"string","minLength":1,"maxLength":8},
          "mood":{"enum":["happy","sad","tired"]},
          "age":{"type":"integer","minimum":0,"maximum":120},
          "tags":{"type":"array","items":{"type":"string","maxLength":3},"minItems":1,"maxItems":3}}}
        """;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_thousand_sampled_schema_constrained_replies_all_validate()
    {
        await using var engine = new InferenceEngine(tiny.Thread, tiny.Model, tiny.Tokenizer, new EngineOptions(Slots: 16, MaxQueue: 1000));
        using var schema = JsonDocument.Parse(Schema);
        var constraint = OutputConstraint.ForJsonSchema(schema.RootElement);
        var replies = await Task.WhenAll(Enumerable.Range(0, 1000).Select(seed => engine.GenerateAsync(
            TinyChatModel.Greeting(TinyChatModel.Names[seed % 5]),
            new SamplingOptions(MaxTokens: 90, Temperature: 1, Seed: seed, Constraint: constraint))));
        foreach (var reply in replies)
        {
            Assert.Equal(FinishReason.Stop, reply.Finish);
            Validate(reply.Text);
        }

        Assert.True(replies.Select(r => r.Text).Distinct().Count() > 100, "sampling explores the schema");
    }

    [Fact]
    public async Task Greedy_regex_constrained_replies_match_and_end_only_when_complete()
    {
        await using var engine = new InferenceEngine(tiny.Thread, tiny.Model, tiny.Tokenizer);
        var pattern = "(Hello|Bye), [A-Z][a-z]{2,6}!";
        var reply = await engine.GenerateAsync(TinyChatModel.Greeting("Klaus"), new SamplingOptions(MaxTokens: 40, Constraint: OutputConstraint.ForRegex(pattern)));
        Assert.Matches("^(?:" + pattern + ")$", reply.Text);
        Assert.Equal(FinishReason.Stop, reply.Finish);
        Assert.StartsWith("Hello", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sampled_regex_constrained_replies_all_match()
    {
        await using var engine = new InferenceEngine(tiny.Thread, tiny.Model, tiny.Tokenizer, new EngineOptions(Slots: 8, MaxQueue: 200));
        var pattern = "I feel (fine|good|tired)\\. [0-9]{1,3}";
        var replies = await Task.WhenAll(Enumerable.Range(0, 100).Select(seed => engine.GenerateAsync(
            TinyChatModel.Greeting("Maria"), new SamplingOptions(MaxTokens: 40, Temperature: 1.2, Seed: seed, Constraint: OutputConstraint.ForRegex(pattern)))));
        Assert.All(replies, r => Assert.Matches("^(?:" + pattern + ")$", r.Text));
    }

    private static void Validate(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        Assert.Equal(["name", "mood", "age", "tags"], root.EnumerateObject().Select(p => p.Name));
        Assert.InRange(root.GetProperty("name").GetString()!.Length, 1, 8);
        Assert.Contains(root.GetProperty("mood").GetString(), new[] { "happy", "sad", "tired" });
        Assert.InRange(root.GetProperty("age").GetInt32(), 0, 120);
        var tags = root.GetProperty("tags").EnumerateArray().ToList();
        Assert.InRange(tags.Count, 1, 3);
        Assert.All(tags, t => Assert.InRange(t.GetString()!.Length, 0, 3));
        Assert.DoesNotMatch("\\s", Regex.Replace(text, "\"(?:[^\"\\\\]|\\\\.)*\"", string.Empty));
    }
}
