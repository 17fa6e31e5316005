using System.Text.Json;
using Agents.Runtime.Tokenization;
using Agents.Runtime.Training;

namespace Agents.Runtime.Evaluation;

/// <summary>
/// One held-out decision of a distilled dataset: the prompt (system and user messages), the teacher's reply, the
/// decision type, and the reply's shape as a regex when the line records one.
/// </summary>
/// <param name="Prompt">The messages before the reply.</param>
/// <param name="Reply">The teacher's reply.</param>
/// <param name="Type">The decision type ("?" when the line names none).</param>
/// <param name="Shape">The regex every well-formed reply matches in full, or null.</param>
public sealed record LabelledReply(IReadOnlyList<ChatMessage> Prompt, string Reply, string Type, string? Shape)
{
    /// <summary>
    /// Reads a chat JSONL file as written by <c>agents distill</c>: each line's last message is the assistant's reply;
    /// "decision" and "shape" are read when present.
    /// </summary>
    /// <exception cref="DatasetFormatException">A line is not such an object; the message names the file and line.</exception>
    public static IReadOnlyList<LabelledReply> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetFormatException($"{path}: expected a chat JSONL file of held-out decisions, found nothing there.");
        }

        var result = new List<LabelledReply>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var messages = DatasetReader.ParseConversation(line, $"{path}:{number}");
            if (messages.Count < 2 || messages[^1].Role != "assistant")
            {
                throw new DatasetFormatException($"{path}:{number}: expected the last message to be the assistant's reply, found role \"{messages[^1].Role}\".");
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var type = root.TryGetProperty("decision", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "?";
            var shape = root.TryGetProperty("shape", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            result.Add(new LabelledReply(messages.Take(messages.Count - 1).ToList(), messages[^1].Content, type, shape));
        }

        return result;
    }
}
