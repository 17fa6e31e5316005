using System.Text.Encodings.Web;
using System.Text.Json;
using Agents.Runtime.Tokenization;

namespace Agents.Runtime.Training;

/// <summary>
/// Preference JSONL, the input of DPO: one object per line with the prompt as <c>"prompt"</c> (an array of
/// <c>{"role", "content"}</c> messages, or a string that becomes one user message) or as <c>"messages"</c> (an array),
/// and the two assistant replies as strings <c>"chosen"</c> and <c>"rejected"</c>. The prompt's last message is not the
/// assistant's; the replies differ. Blank lines are skipped.
/// </summary>
public static class PreferencePairs
{
    // Replies are often JSON themselves: keep their quotes readable rather than \u0022.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads every pair of a preference JSONL file; all lines are checked before it returns.</summary>
    /// <exception cref="DatasetFormatException">The file is missing, holds no pair, or a line is malformed (file and line named).</exception>
    public static IReadOnlyList<PreferencePair> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetFormatException($"{path}: expected a preference JSONL file, found nothing there.");
        }

        var pairs = new List<PreferencePair>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                pairs.Add(Parse(line, $"{path}:{number}"));
            }
        }

        return pairs.Count > 0
            ? pairs
            : throw new DatasetFormatException($"{path}: expected at least one {{\"prompt\": [...], \"chosen\": \"...\", \"rejected\": \"...\"}} line, found none.");
    }

    /// <summary>Parses one line; <paramref name="place"/> ("file:line") starts every error message.</summary>
    /// <exception cref="DatasetFormatException">The line is not a preference pair.</exception>
    public static PreferencePair Parse(string line, string place)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new DatasetFormatException($"{place}: expected a JSON object, found invalid JSON ({ex.Message}).", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DatasetFormatException($"{place}: expected an object with \"prompt\" (or \"messages\"), \"chosen\" and \"rejected\", found {Shorten(line)}.");
            }

            var hasPrompt = root.TryGetProperty("prompt", out var prompt);
            var hasMessages = root.TryGetProperty("messages", out var messages);
            if (hasPrompt == hasMessages)
            {
                throw new DatasetFormatException(
                    $"{place}: expected exactly one of \"prompt\" and \"messages\" (the conversation before the reply), found {(hasPrompt ? "both" : "neither")}.");
            }

            var conversation = hasPrompt && prompt.ValueKind == JsonValueKind.String
                ? [new ChatMessage("user", prompt.GetString()!)]
                : ParseMessages(hasPrompt ? prompt : messages, hasPrompt ? "prompt" : "messages", place);
            if (conversation.Count == 0 || conversation[^1].Role == "assistant")
            {
                throw new DatasetFormatException(
                    $"{place}: expected the prompt to end with a system or user message (the replies are the assistant's next turn), found {(conversation.Count == 0 ? "no messages" : "an assistant message last")}.");
            }

            var chosen = Reply(root, "chosen", place);
            var rejected = Reply(root, "rejected", place);
            return chosen != rejected
                ? new PreferencePair(conversation, chosen, rejected)
                : throw new DatasetFormatException($"{place}: expected \"chosen\" and \"rejected\" to differ, found the same reply twice.");
        }
    }

    /// <summary>The line <see cref="Parse"/> reads back (prompt as a message array).</summary>
    public static string ToJsonLine(PreferencePair pair) =>
        JsonSerializer.Serialize(new
        {
            prompt = pair.Prompt.Select(m => new { role = m.Role, content = m.Content }),
            chosen = pair.Chosen,
            rejected = pair.Rejected,
        },
        Readable);

    /// <summary>Writes <paramref name="pairs"/> as preference JSONL.</summary>
    public static void Write(string path, IEnumerable<PreferencePair> pairs) => File.WriteAllLines(path, pairs.Select(ToJsonLine));

    private static List<ChatMessage> ParseMessages(JsonElement array, string field, string place)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new DatasetFormatException($"{place}: expected \"{field}\" to be an array of messages{(field == "prompt" ? " or a string" : string.Empty)}, found {Shorten(array.ToString())}.");
        }

        var result = new List<ChatMessage>();
        foreach (var message in array.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object
                || !message.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String
                || !message.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.String)
            {
                throw new DatasetFormatException($"{place}: expected {field} message {result.Count} to have string \"role\" and \"content\", found {Shorten(message.ToString())}.");
            }

            var name = role.GetString()!;
            if (!ChatTemplate.Roles.Contains(name))
            {
                throw new DatasetFormatException($"{place}: expected {field} message {result.Count} to have role {string.Join(", ", ChatTemplate.Roles)}, found \"{name}\".");
            }

            result.Add(new ChatMessage(name, content.GetString()!));
        }

        return result;
    }

    private static string Reply(JsonElement root, string field, string place)
    {
        if (!root.TryGetProperty(field, out var reply) || reply.ValueKind != JsonValueKind.String)
        {
            throw new DatasetFormatException($"{place}: expected \"{field}\" to be the assistant reply as a string, found {(reply.ValueKind == JsonValueKind.Undefined ? "none" : Shorten(reply.ToString()))}.");
        }

        var text = reply.GetString()!;
        return text.Length > 0 ? text : throw new DatasetFormatException($"{place}: expected a non-empty \"{field}\" reply, found an empty string.");
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
