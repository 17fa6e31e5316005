using System.Text.Json;

namespace Agents.Runtime.Tokenization;

/// <summary>Reads and writes the Hugging Face tokenizer.json layout for a byte-level BPE with added special tokens.</summary>
internal static class TokenizerJson
{
    public static void Write(ChatTokenizer tokenizer, string path)
    {
        var temp = path + ".tmp";
        using (var stream = File.Create(temp))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("version", "1.0");
            json.WriteNull("truncation");
            json.WriteNull("padding");
            json.WriteStartArray("added_tokens");
            foreach (var special in SpecialTokens.All)
            {
                json.WriteStartObject();
                json.WriteNumber("id", tokenizer.IdOf(special));
                json.WriteString("content", special);
                json.WriteBoolean("single_word", false);
                json.WriteBoolean("lstrip", false);
                json.WriteBoolean("rstrip", false);
                json.WriteBoolean("normalized", false);
                json.WriteBoolean("special", true);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNull("normalizer");
            json.WriteStartObject("pre_tokenizer");
            if (tokenizer.IndividualDigits)
            {
                json.WriteString("type", "Sequence");
                json.WriteStartArray("pretokenizers");
                json.WriteStartObject();
                json.WriteString("type", "Digits");
                json.WriteBoolean("individual_digits", true);
                json.WriteEndObject();
                json.WriteStartObject();
                WriteByteLevel(json);
                json.WriteEndObject();
                json.WriteEndArray();
            }
            else
            {
                WriteByteLevel(json);
            }

            json.WriteEndObject();
            json.WriteNull("post_processor");
            json.WriteStartObject("decoder");
            json.WriteString("type", "ByteLevel");
            json.WriteBoolean("add_prefix_space", false);
            json.WriteBoolean("trim_offsets", true);
            json.WriteBoolean("use_regex", true);
            json.WriteEndObject();
            json.WriteStartObject("model");
            json.WriteString("type", "BPE");
            json.WriteNull("dropout");
            json.WriteNull("unk_token");
            json.WriteNull("continuing_subword_prefix");
            json.WriteNull("end_of_word_suffix");
            json.WriteBoolean("fuse_unk", false);
            json.WriteBoolean("byte_fallback", false);
            json.WriteStartObject("vocab");
            for (var i = 0; i < tokenizer.Tokens.Count; i++)
            {
                json.WriteNumber(tokenizer.Tokens[i], i);
            }

            json.WriteEndObject();
            json.WriteStartArray("merges");
            foreach (var (left, right) in tokenizer.Merges)
            {
                json.WriteStringValue(left + " " + right);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        File.Move(temp, path, overwrite: true);
    }

    public static ChatTokenizer Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new TokenizerFormatException($"{path}: expected a tokenizer.json file, found none.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new TokenizerFormatException($"{path}: expected JSON, found a syntax error at line {ex.LineNumber + 1}: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object)
            {
                throw new TokenizerFormatException($"{path}: expected an object \"model\", found none.");
            }

            if (!model.TryGetProperty("type", out var type) || type.GetString() != "BPE")
            {
                throw new TokenizerFormatException($"{path}: expected model.type \"BPE\", found {(model.TryGetProperty("type", out var t) ? t.ToString() : "nothing")}.");
            }

            var byId = new SortedDictionary<int, string>();
            AddVocabulary(path, model, byId);
            if (root.TryGetProperty("added_tokens", out var added) && added.ValueKind == JsonValueKind.Array)
            {
                foreach (var token in added.EnumerateArray())
                {
                    var id = token.GetProperty("id").GetInt32();
                    var content = token.GetProperty("content").GetString()!;
                    if (byId.TryGetValue(id, out var existing) && existing != content)
                    {
                        throw new TokenizerFormatException($"{path}: added token {content} has id {id}, which the vocabulary gives to \"{existing}\".");
                    }

                    byId[id] = content;
                }
            }

            var expected = 0;
            foreach (var id in byId.Keys)
            {
                if (id != expected++)
                {
                    throw new TokenizerFormatException($"{path}: expected token ids 0..{byId.Count - 1} without gaps, found a gap before id {id}.");
                }
            }

            var merges = ReadMerges(path, model);
            return new ChatTokenizer(byId.Values.ToList(), merges, path, IndividualDigits(root));
        }
    }

    private static void WriteByteLevel(Utf8JsonWriter json)
    {
        json.WriteString("type", "ByteLevel");
        json.WriteBoolean("add_prefix_space", false);
        json.WriteBoolean("trim_offsets", true);
        json.WriteBoolean("use_regex", true);
    }

    /// <summary>True when the pre-tokenizer is, or holds in its sequence, a Digits step with individual_digits (files without one split numbers in runs, as GPT-2).</summary>
    private static bool IndividualDigits(JsonElement root)
    {
        if (!root.TryGetProperty("pre_tokenizer", out var pre) || pre.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var steps = pre.TryGetProperty("pretokenizers", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [pre];
        return steps.Any(step => step.ValueKind == JsonValueKind.Object
            && step.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Digits"
            && step.TryGetProperty("individual_digits", out var individual) && individual.ValueKind == JsonValueKind.True);
    }

    private static void AddVocabulary(string path, JsonElement model, SortedDictionary<int, string> byId)
    {
        if (!model.TryGetProperty("vocab", out var vocab) || vocab.ValueKind != JsonValueKind.Object)
        {
            throw new TokenizerFormatException($"{path}: expected an object model.vocab, found none.");
        }

        foreach (var entry in vocab.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt32(out var id) || id < 0)
            {
                throw new TokenizerFormatException($"{path}: expected a non-negative integer id for token \"{entry.Name}\", found {entry.Value}.");
            }

            if (!byId.TryAdd(id, entry.Name))
            {
                throw new TokenizerFormatException($"{path}: id {id} is given to both \"{byId[id]}\" and \"{entry.Name}\".");
            }
        }
    }

    private static List<(string, string)> ReadMerges(string path, JsonElement model)
    {
        var merges = new List<(string, string)>();
        if (!model.TryGetProperty("merges", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new TokenizerFormatException($"{path}: expected an array model.merges, found none.");
        }

        var index = 0;
        foreach (var merge in array.EnumerateArray())
        {
            if (merge.ValueKind == JsonValueKind.String)
            {
                var parts = merge.GetString()!.Split(' ');
                if (parts.Length != 2)
                {
                    throw new TokenizerFormatException($"{path}: merge {index} should be two tokens separated by one space, found \"{merge.GetString()}\".");
                }

                merges.Add((parts[0], parts[1]));
            }
            else if (merge.ValueKind == JsonValueKind.Array && merge.GetArrayLength() == 2)
            {
                merges.Add((merge[0].GetString()!, merge[1].GetString()!));
            }
            else
            {
                throw new TokenizerFormatException($"{path}: merge {index} should be \"left right\" or [left, right], found {merge}.");
            }

            index++;
        }

        return merges;
    }
}
