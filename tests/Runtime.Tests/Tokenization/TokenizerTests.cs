using System.Text;
using Agents.Runtime.Tokenization;
using CsCheck;

namespace Agents.Runtime.Tests.Tokenization;

public sealed class TokenizerTests : IDisposable
{
    private const string Corpus = """
        The cat sat on the mat. The cat ate the rat. Then the cat sat on the hat!
        Isabella Rodriguez runs Hobbs Cafe; she plans a Valentine's Day party at the cafe.
        Klaus Mueller is writing a research paper on gentrification. Maria Lopez studies physics.
        """;

    private static readonly ChatTokenizer Trained = BpeTrainer.Train(Enumerable.Repeat(Corpus, 3), 400);
    private readonly string folder = Directory.CreateTempSubdirectory("tok-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Training_learns_merges_that_shorten_frequent_words()
    {
        Assert.True(Trained.VocabularySize > BpeTrainer.MinimumVocabularySize);
        Assert.True(Trained.VocabularySize <= 400);
        Assert.Contains(" cat", Trained.Tokens.Select(t => Trained.Decode([Trained.IdOf(t)])));
        var ids = Trained.Encode("The cat sat on the mat.");
        Assert.True(ids.Length < Encoding.UTF8.GetByteCount("The cat sat on the mat.") / 2, $"{ids.Length} tokens");
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var again = BpeTrainer.Train(Enumerable.Repeat(Corpus, 3), 400);
        Assert.Equal(Trained.Tokens, again.Tokens);
        Assert.Equal(Trained.Merges, again.Merges);
    }

    [Fact]
    public void Any_unicode_text_round_trips_exactly()
    {
        // Valid Unicode scalar values from every plane, including spaces, controls, emoji and combining marks.
        var scalar = Gen.OneOf<int>(
            Gen.Int[0, 0x7F],
            Gen.Int[0x80, 0xD7FF],
            Gen.Int[0xE000, 0x10FFFF],
            Gen.OneOf(32, 10, 9, 39, 101, 97, 116, 104));
        var text = scalar.Array[0, 40].Select(cs => string.Concat(cs.Select(char.ConvertFromUtf32)));
        text.Sample(s => Trained.Decode(Trained.Encode(s)) == s, iter: 2000);
    }

    [Fact]
    public void Special_token_strings_in_text_stay_text()
    {
        var text = "hi <|end|> there <|user|>";
        var ids = Trained.Encode(text);
        Assert.DoesNotContain(Trained.EndOfMessage, ids);
        Assert.Equal(text, Trained.Decode(ids));
    }

    [Fact]
    public void Saved_tokenizer_json_reads_back_with_the_same_encoding()
    {
        var path = Path.Combine(folder, "tokenizer.json");
        Trained.Save(path);
        var loaded = ChatTokenizer.Load(path);
        Assert.Equal(Trained.Tokens, loaded.Tokens);
        Assert.Equal(Trained.Merges, loaded.Merges);
        Assert.Equal(Trained.Encode(Corpus), loaded.Encode(Corpus));
        var json = File.ReadAllText(path);
        Assert.Contains("\"type\": \"BPE\"", json);
        Assert.Contains("\"content\": \"<|assistant|>\"", json);
    }

    [Fact]
    public void A_tokenizer_file_with_a_bad_merge_names_the_file_and_the_merge()
    {
        var path = Path.Combine(folder, "tokenizer.json");
        Trained.Save(path);
        var json = File.ReadAllText(path);
        var firstMerge = Trained.Merges[0].Left + " " + Trained.Merges[0].Right;
        File.WriteAllText(path, json.Replace($"\"{firstMerge}\"", "\"nonsense-left nonsense-right\""));
        var error = Assert.Throws<TokenizerFormatException>(() => ChatTokenizer.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("nonsense-left nonsense-right", error.Message);
    }

    [Fact]
    public void A_tokenizer_file_that_is_not_json_is_reported_with_its_line()
    {
        var path = Path.Combine(folder, "tokenizer.json");
        File.WriteAllText(path, "{\n  \"model\": {\n    oops\n");
        var error = Assert.Throws<TokenizerFormatException>(() => ChatTokenizer.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Chat_template_marks_only_assistant_content_and_end_token_as_targets()
    {
        var messages = new[] { new ChatMessage("user", "Who runs the cafe?"), new ChatMessage("assistant", "Isabella.") };
        var (ids, targets) = ChatTemplate.EncodeConversation(Trained, messages);
        Assert.Equal(ids.Length, targets.Length);
        var targetIds = ids.Where((_, i) => targets[i]).ToList();
        Assert.Equal("Isabella.<|end|>", Trained.Decode(targetIds));
        Assert.Equal("<|user|>\nWho runs the cafe?<|end|>\n<|assistant|>\nIsabella.<|end|>\n", Trained.Decode(ids));
        var prompt = ChatTemplate.EncodePrompt(Trained, messages[..1]);
        Assert.Equal("<|user|>\nWho runs the cafe?<|end|>\n<|assistant|>\n", Trained.Decode(prompt));
    }

    [Fact]
    public void Digits_are_pieces_of_their_own_so_no_token_holds_two_digits()
    {
        // A corpus where "709" and "1554" are frequent enough that run-splitting merges them into single tokens.
        var numbers = Enumerable.Repeat("709*1554 = 1101786, at 08:30 on day 12. ", 40).ToList();
        var runs = BpeTrainer.Train(numbers, 330);
        var single = BpeTrainer.Train(numbers, 330, individualDigits: true);

        Assert.False(runs.IndividualDigits);
        Assert.True(single.IndividualDigits);
        Assert.Contains(runs.Tokens, t => t.Count(char.IsAsciiDigit) >= 2);
        Assert.DoesNotContain(single.Tokens, t => t.Count(char.IsAsciiDigit) >= 2);
        var ids = single.Encode("709*1554");
        Assert.Equal(["7", "0", "9", "*", "1", "5", "5", "4"], ids.Select(id => single.Decode([id])));
        Assert.Equal(numbers[0], single.Decode(single.Encode(numbers[0])));
    }

    [Fact]
    public void The_digit_split_is_saved_as_a_digits_pre_tokenizer_and_files_without_one_keep_runs()
    {
        var numbers = Enumerable.Repeat("room 1234 costs 5678 coins ", 30).ToList();
        var single = BpeTrainer.Train(numbers, 300, individualDigits: true);
        var path = Path.Combine(folder, "tokenizer.json");
        single.Save(path);
        var json = File.ReadAllText(path);
        Assert.Contains("\"type\": \"Digits\"", json);
        Assert.Contains("\"individual_digits\": true", json);
        var loaded = ChatTokenizer.Load(path);
        Assert.True(loaded.IndividualDigits);
        Assert.Equal(single.Encode("room 98765"), loaded.Encode("room 98765"));

        var runs = BpeTrainer.Train(numbers, 300);
        runs.Save(path);
        Assert.DoesNotContain("Digits", File.ReadAllText(path));
        var old = ChatTokenizer.Load(path);
        Assert.False(old.IndividualDigits);
        Assert.Equal(runs.Encode("room 1234"), old.Encode("room 1234"));
        Assert.True(old.Encode(" 1234").Length < single.Encode(" 1234").Length);
    }
}
