using System.Text.Json;
using Agents.Runtime.Tokenization;

namespace Agents.Runtime.Training;

/// <summary>Reads training files: plain text for pretraining, chat JSONL (<c>{"messages":[{"role":..,"content":..}]}</c> per line) for fine-tuning.</summary>
public static class DatasetReader
{
    /// <summary>The text files at <paramref name="path"/>: the file itself, or every *.txt and *.md file under the folder, in name order.</summary>
    /// <exception cref="DatasetFormatException">Nothing is there, or no text was found.</exception>
    public static IReadOnlyList<string> TextFiles(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            return files.Count > 0 ? files : throw new DatasetFormatException($"{path}: expected .txt or .md files in the folder, found none.");
        }

        throw new DatasetFormatException($"{path}: expected a text file or a folder of them, found nothing there.");
    }

    /// <summary>Reads the documents (one per file) at <paramref name="path"/>.</summary>
    /// <exception cref="DatasetFormatException">Nothing is there, or every file is empty.</exception>
    public static IReadOnlyList<string> ReadText(string path)
    {
        var documents = TextFiles(path).Select(File.ReadAllText).Where(t => t.Length > 0).ToList();
        return documents.Count > 0 ? documents : throw new DatasetFormatException($"{path}: expected text, found only empty files.");
    }

    /// <summary>Reads a chat JSONL file; blank lines are skipped.</summary>
    /// <exception cref="DatasetFormatException">The file is missing or a line is not a conversation; the message names file and line.</exception>
    public static IReadOnlyList<IReadOnlyList<ChatMessage>> ReadChat(string path)
    {
        if (!File.Exists(path))
        {
            throw new DatasetFormatException($"{path}: expected a chat JSONL file, found nothing there.");
        }

        var conversations = new List<IReadOnlyList<ChatMessage>>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            conversations.Add(ParseConversation(line, $"{path}:{number}"));
        }

        return conversations.Count > 0 ? conversations : throw new DatasetFormatException($"{path}: expected at least one {{\"messages\": [...]}} line, found none.");
    }

    /// <summary>Parses one JSONL line; <paramref name="place"/> ("file:line") starts every error message.</summary>
    public static IReadOnlyList<ChatMessage> ParseConversation(string line, string place)
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
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            {
                throw new DatasetFormatException($"{place}: expected an object with a \"messages\" array, found {Shorten(line)}.");
            }

            var result = new List<ChatMessage>();
            var index = 0;
            foreach (var message in messages.EnumerateArray())
            {
                if (message.ValueKind != JsonValueKind.Object
                    || !message.TryGetProperty("role", out var role) || role.ValueKind != JsonValueKind.String
                    || !message.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.String)
                {
                    throw new DatasetFormatException($"{place}: expected message {index} to have string \"role\" and \"content\", found {Shorten(message.ToString())}.");
                }

                var name = role.GetString()!;
                if (!ChatTemplate.Roles.Contains(name))
                {
                    throw new DatasetFormatException($"{place}: expected message {index} to have role {string.Join(", ", ChatTemplate.Roles)}, found \"{name}\".");
                }

                result.Add(new ChatMessage(name, content.GetString()!));
                index++;
            }

            return result.Any(m => m.Role == "assistant")
                ? result
                : throw new DatasetFormatException($"{place}: expected at least one assistant message to learn from, found none.");
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
