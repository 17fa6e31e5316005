namespace Agents.Runtime.Tokenization;

/// <summary>
/// Renders conversations as token ids: each message is its role token, a newline, the content, the end-of-message
/// token and a newline. Training marks the tokens the assistant writes (content and end token) as targets.
/// </summary>
public static class ChatTemplate
{
    /// <summary>The roles the template knows.</summary>
    public static IReadOnlyList<string> Roles { get; } = ["system", "user", "assistant"];

    /// <summary>Encodes a whole conversation; <c>Targets[i]</c> is true where token i is written by the assistant.</summary>
    /// <exception cref="ArgumentException">A message has a role outside <see cref="Roles"/>.</exception>
    public static (int[] Ids, bool[] Targets) EncodeConversation(ChatTokenizer tokenizer, IReadOnlyList<ChatMessage> messages)
    {
        var ids = new List<int>();
        var targets = new List<bool>();
        foreach (var message in messages)
        {
            var isAssistant = message.Role == "assistant";
            Append(ids, targets, Header(tokenizer, message.Role), false);
            Append(ids, targets, tokenizer.Encode(message.Content), isAssistant);
            Append(ids, targets, [tokenizer.EndOfMessage], isAssistant);
            Append(ids, targets, tokenizer.Encode("\n"), false);
        }

        return (ids.ToArray(), targets.ToArray());
    }

    /// <summary>Encodes a prompt: the conversation so far, then the assistant header the model continues from.</summary>
    public static int[] EncodePrompt(ChatTokenizer tokenizer, IReadOnlyList<ChatMessage> messages)
    {
        var (ids, _) = EncodeConversation(tokenizer, messages);
        return [.. ids, .. Header(tokenizer, "assistant")];
    }

    private static int[] Header(ChatTokenizer tokenizer, string role)
    {
        var special = role switch
        {
            "system" => SpecialTokens.System,
            "user" => SpecialTokens.User,
            "assistant" => SpecialTokens.Assistant,
            _ => throw new ArgumentException($"Expected a role among {string.Join(", ", Roles)}, found \"{role}\".", nameof(role)),
        };
        return [tokenizer.IdOf(special), .. tokenizer.Encode("\n")];
    }

    private static void Append(List<int> ids, List<bool> targets, int[] tokens, bool target)
    {
        ids.AddRange(tokens);
        targets.AddRange(Enumerable.Repeat(target, tokens.Length));
    }
}
