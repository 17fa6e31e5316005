using Agents.Runtime.Tokenization;

namespace Agents.Runtime.Training;

/// <summary>
/// Builds DPO pairs from chat data that has only good replies: every assistant reply becomes a chosen reply, the
/// messages before it the prompt, and a corrupted copy of it the rejected reply. The kinds of corruption take turns,
/// from an offset drawn from the seed; a kind that leaves the reply unchanged gives way to the next. Deterministic
/// for a seed; thread-safe (no shared state).
/// </summary>
public static class PreferencePairBuilder
{
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every kind, in the order they take turns.</summary>
    public static IReadOnlyList<ReplyCorruption> AllKinds { get; } = Enum.GetValues<ReplyCorruption>();

    /// <summary>One pair per assistant reply of <paramref name="conversations"/>; replies that no kind can change are skipped.</summary>
    /// <param name="conversations">Chat conversations (e.g. from <see cref="DatasetReader.ReadChat"/>).</param>
    /// <param name="seed">Seeds the choice and the shuffles.</param>
    /// <param name="kinds">The corruptions to use, default <see cref="AllKinds"/>.</param>
    public static IReadOnlyList<PreferencePair> FromConversations(IReadOnlyList<IReadOnlyList<ChatMessage>> conversations, int seed, IReadOnlyList<ReplyCorruption>? kinds = null)
    {
        kinds ??= AllKinds;
        if (kinds.Count == 0)
        {
            throw new ArgumentException("Expected at least one kind of corruption, found none.", nameof(kinds));
        }

        var random = new Random(seed);
        var replies = conversations.SelectMany(c => c.Where(m => m.Role == "assistant").Select(m => m.Content)).Distinct().ToList();
        var pairs = new List<PreferencePair>();
        var turn = random.Next(kinds.Count);
        foreach (var conversation in conversations)
        {
            for (var i = 0; i < conversation.Count; i++)
            {
                if (conversation[i].Role != "assistant" || i == 0 || conversation[i].Content.Length == 0)
                {
                    continue;
                }

                var chosen = conversation[i].Content;
                for (var attempt = 0; attempt < kinds.Count; attempt++)
                {
                    var rejected = Corrupt(chosen, kinds[(turn + attempt) % kinds.Count], random, replies);
                    if (rejected.Length > 0 && rejected != chosen)
                    {
                        pairs.Add(new PreferencePair(conversation.Take(i).ToList(), chosen, rejected));
                        break;
                    }
                }

                turn++;
            }
        }

        return pairs;
    }

    /// <summary>
    /// <paramref name="reply"/> spoiled by <paramref name="kind"/>; it may come back unchanged when the kind cannot
    /// change it (a one-character reply cannot be shuffled; <see cref="ReplyCorruption.OtherReply"/> needs another reply
    /// in <paramref name="otherReplies"/>).
    /// </summary>
    public static string Corrupt(string reply, ReplyCorruption kind, Random random, IReadOnlyList<string> otherReplies) => kind switch
    {
        ReplyCorruption.Truncated => Truncate(reply),
        ReplyCorruption.Shuffled => Shuffle(reply, random),
        ReplyCorruption.WrongFormat => WrongFormat(reply),
        ReplyCorruption.OtherReply => Other(reply, random, otherReplies),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected a known kind of corruption."),
    };

    private static string Truncate(string reply)
    {
        var text = reply.TrimEnd();
        if (text.Length < 2)
        {
            return reply;
        }

        var half = text.Length / 2;
        var space = text.LastIndexOf(' ', half);
        return text[..(space > 0 ? space : half)];
    }

    private static string Shuffle(string reply, Random random)
    {
        var words = reply.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 2 && words.Distinct().Count() >= 2)
        {
            for (var attempt = 0; attempt < 8; attempt++)
            {
                random.Shuffle(words);
                var shuffled = string.Join(' ', words);
                if (shuffled != string.Join(' ', reply.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                {
                    return shuffled;
                }
            }
        }

        var characters = reply.ToCharArray();
        if (characters.Distinct().Count() < 2)
        {
            return reply;
        }

        for (var attempt = 0; attempt < 8; attempt++)
        {
            random.Shuffle(characters);
            var shuffled = new string(characters);
            if (shuffled != reply)
            {
                return shuffled;
            }
        }

        return reply;
    }

    private static string WrongFormat(string reply)
    {
        var text = reply.Trim();
        if (text.StartsWith('{') || text.StartsWith('['))
        {
            var loose = new string(text.Where(c => c is not ('"' or '{' or '}' or '[' or ']')).ToArray()).Trim();
            return loose.Length > 0 ? loose : "none";
        }

        return System.Text.Json.JsonSerializer.Serialize(new { reply = text }, Readable);
    }

    private static string Other(string reply, Random random, IReadOnlyList<string> otherReplies)
    {
        var others = otherReplies.Where(r => r != reply && r.Length > 0).ToList();
        return others.Count > 0 ? others[random.Next(others.Count)] : reply;
    }
}
