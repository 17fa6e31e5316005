using System.Text.Json;
using Agents.Runtime.Tokenization;
using Agents.Runtime.Training;
using CsCheck;

namespace Agents.Runtime.Tests.Training;

public sealed class DpoPairsTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Pairs_read_the_prompt_as_messages_as_a_message_array_or_as_a_string()
    {
        File.WriteAllLines(temp["pairs.jsonl"],
        [
            """{"prompt": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi?"}], "chosen": "Hello.", "rejected": "Hel"}""",
            string.Empty,
            """{"messages": [{"role": "user", "content": "Mood?"}], "chosen": "{\"mood\": \"calm\"}", "rejected": "calm"}""",
            """{"prompt": "Count to two.", "chosen": "1 2", "rejected": "2 1"}""",
        ]);

        var pairs = PreferencePairs.Read(temp["pairs.jsonl"]);

        Assert.Equal(3, pairs.Count);
        Assert.Equal([new ChatMessage("system", "Be brief."), new ChatMessage("user", "Hi?")], pairs[0].Prompt);
        Assert.Equal("{\"mood\": \"calm\"}", pairs[1].Chosen);
        Assert.Equal([new ChatMessage("user", "Count to two.")], pairs[2].Prompt);
        Assert.DoesNotContain("\\u0022", PreferencePairs.ToJsonLine(pairs[1]));
        var roundTrip = PreferencePairs.Parse(PreferencePairs.ToJsonLine(pairs[0]), "x");
        Assert.Equal(pairs[0].Prompt, roundTrip.Prompt);
        Assert.Equal((pairs[0].Chosen, pairs[0].Rejected), (roundTrip.Chosen, roundTrip.Rejected));
    }

    [Theory]
    [InlineData("""[1, 2]""", "expected an object")]
    [InlineData("""{"chosen": "a", "rejected": "b"}""", "found neither")]
    [InlineData("""{"prompt": "q", "messages": [], "chosen": "a", "rejected": "b"}""", "found both")]
    [InlineData("""{"prompt": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}], "chosen": "a", "rejected": "b"}""", "assistant message last")]
    [InlineData("""{"prompt": [{"role": "robot", "content": "q"}], "chosen": "a", "rejected": "b"}""", "found \"robot\"")]
    [InlineData("""{"prompt": "q", "chosen": "same", "rejected": "same"}""", "to differ")]
    [InlineData("""{"prompt": "q", "chosen": "", "rejected": "b"}""", "non-empty \"chosen\"")]
    [InlineData("""{"prompt": "q", "chosen": ["a"], "rejected": "b"}""", "\"chosen\" to be the assistant reply as a string")]
    [InlineData("""{"prompt": "q", "chosen": "a", """, "invalid JSON")]
    public void A_bad_pair_line_is_named_by_file_and_line_with_what_was_expected(string line, string expected)
    {
        File.WriteAllLines(temp["pairs.jsonl"], ["""{"prompt": "q", "chosen": "a", "rejected": "b"}""", line]);
        var error = Assert.Throws<DatasetFormatException>(() => PreferencePairs.Read(temp["pairs.jsonl"]));
        Assert.StartsWith($"{temp["pairs.jsonl"]}:2: expected", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Every_assistant_reply_becomes_a_chosen_reply_beside_a_corrupted_rejected_one()
    {
        IReadOnlyList<IReadOnlyList<ChatMessage>> conversations =
        [
            [new("user", "Plan the day."), new("assistant", "wake up, work at the cafe, paint"), new("user", "And then?"), new("assistant", "sleep at ten")],
            [new("system", "JSON only."), new("user", "Mood?"), new("assistant", """{"mood": "happy", "energy": 7}""")],
            [new("user", "Say hi."), new("assistant", "hi there friend")],
        ];

        var pairs = PreferencePairBuilder.FromConversations(conversations, seed: 4);

        Assert.Equal(4, pairs.Count);
        Assert.Equal(["wake up, work at the cafe, paint", "sleep at ten", """{"mood": "happy", "energy": 7}""", "hi there friend"], pairs.Select(p => p.Chosen));
        Assert.All(pairs, p => Assert.NotEqual(p.Chosen, p.Rejected));
        Assert.Equal(3, pairs[1].Prompt.Count);
        Assert.Equal("And then?", pairs[1].Prompt[^1].Content);
        Assert.Equal(pairs.Select(p => p.Rejected), PreferencePairBuilder.FromConversations(conversations, seed: 4).Select(p => p.Rejected));
    }

    [Fact]
    public void Each_kind_of_corruption_spoils_a_reply_in_its_own_way()
    {
        var random = new Random(1);
        const string json = """{"mood": "happy", "energy": 7}""";
        const string prose = "I will paint at the studio after lunch";
        string[] others = [json, prose, "sleep"];

        var truncated = PreferencePairBuilder.Corrupt(prose, ReplyCorruption.Truncated, random, others);
        Assert.StartsWith(truncated, prose);
        Assert.True(truncated.Length <= prose.Length / 2, truncated);

        var shuffled = PreferencePairBuilder.Corrupt(prose, ReplyCorruption.Shuffled, random, others);
        Assert.NotEqual(prose, shuffled);
        Assert.Equal(prose.Split(' ').Order(), shuffled.Split(' ').Order());

        var loose = PreferencePairBuilder.Corrupt(json, ReplyCorruption.WrongFormat, random, others);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(loose));
        Assert.Contains("happy", loose);
        var wrapped = PreferencePairBuilder.Corrupt(prose, ReplyCorruption.WrongFormat, random, others);
        Assert.Equal(prose, JsonDocument.Parse(wrapped).RootElement.GetProperty("reply").GetString());

        var other = PreferencePairBuilder.Corrupt(prose, ReplyCorruption.OtherReply, random, others);
        Assert.Contains(other, others);
        Assert.NotEqual(prose, other);
    }

    [Fact]
    public void Any_reply_of_two_different_characters_gets_a_rejected_twin()
    {
        Gen.Char['a', 'e'].Array[2, 30].Select(c => new string(c)).Where(s => s.Distinct().Count() >= 2).Sample(reply =>
        {
            IReadOnlyList<IReadOnlyList<ChatMessage>> conversations = [[new("user", "q"), new("assistant", reply)]];
            var pairs = PreferencePairBuilder.FromConversations(conversations, seed: reply.Length, [ReplyCorruption.Shuffled, ReplyCorruption.Truncated]);
            return pairs.Count == 1 && pairs[0].Rejected != reply && pairs[0].Rejected.Length > 0;
        });
    }
}
