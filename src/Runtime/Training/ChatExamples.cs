using Agents.Runtime.Tokenization;

namespace Agents.Runtime.Training;

/// <summary>
/// Supervised fine-tuning data: conversations rendered by the chat template; the loss sees only the tokens the
/// assistant writes. Each batch row is one conversation from its start, cut to the sequence length and padded.
/// </summary>
public sealed class ChatExamples : ITrainingData
{
    private readonly List<(int[] Ids, bool[] Targets)> training = [];
    private readonly List<(int[] Ids, bool[] Targets)> heldOut = [];
    private readonly int padding;
    private readonly bool pack;

    /// <summary>Encodes <paramref name="conversations"/>; every tenth (at least one, when there are two or more) is held out.</summary>
    /// <param name="tokenizer">The tokenizer and chat template.</param>
    /// <param name="conversations">The conversations.</param>
    /// <param name="heldOutEvery">Every how many conversations one is held out; 0 holds none out.</param>
    /// <param name="pack">
    /// Fill each row with whole conversations one after another instead of padding after the first: short examples (a
    /// one-number reply) then cost what they weigh rather than a whole row.
    /// </param>
    public ChatExamples(ChatTokenizer tokenizer, IReadOnlyList<IReadOnlyList<ChatMessage>> conversations, int heldOutEvery = 10, bool pack = false)
    {
        padding = tokenizer.EndOfText;
        this.pack = pack;
        for (var i = 0; i < conversations.Count; i++)
        {
            var example = ChatTemplate.EncodeConversation(tokenizer, conversations[i]);
            var isHeldOut = conversations.Count > 1 && heldOutEvery > 0 && (i % heldOutEvery == heldOutEvery - 1 || (conversations.Count < heldOutEvery && i == conversations.Count - 1));
            (isHeldOut ? heldOut : training).Add(example);
        }

        if (heldOut.Count == 0)
        {
            heldOut.AddRange(training);
        }
    }

    /// <inheritdoc/>
    public long TrainingTokens => training.Sum(e => (long)e.Ids.Length);

    /// <summary>Conversations in the training split.</summary>
    public int TrainingCount => training.Count;

    /// <inheritdoc/>
    public (long[] Inputs, long[] Targets) Sample(bool heldOut, Random random, int batchSize, int length)
    {
        var source = heldOut ? this.heldOut : training;
        var inputs = new long[batchSize * length];
        var targets = new long[batchSize * length];
        Array.Fill(inputs, padding);
        Array.Fill(targets, -1);
        for (var b = 0; b < batchSize; b++)
        {
            var (ids, isTarget) = source[random.Next(source.Count)];

            // Start at the conversation's beginning unless its first assistant token lies beyond the window.
            var firstTarget = Array.IndexOf(isTarget, true);
            var start = firstTarget > length ? Math.Min(firstTarget - (length / 2), ids.Length - 1 - length) : 0;
            start = Math.Max(0, start);
            var count = Math.Min(length, ids.Length - 1 - start);
            for (var t = 0; t < count; t++)
            {
                inputs[(b * length) + t] = ids[start + t];
                targets[(b * length) + t] = isTarget[start + t + 1] ? ids[start + t + 1] : -1;
            }

            // Packing: further whole conversations follow, each after an end-of-text separator; the last may be cut.
            for (var at = count; pack && at + 1 < length;)
            {
                inputs[(b * length) + at++] = padding;
                (ids, isTarget) = source[random.Next(source.Count)];
                var n = Math.Min(length - at, ids.Length);
                for (var t = 0; t < n; t++)
                {
                    inputs[(b * length) + at + t] = ids[t];
                    targets[(b * length) + at + t] = t + 1 < ids.Length && isTarget[t + 1] ? ids[t + 1] : -1;
                }

                at += n;
            }
        }

        return (inputs, targets);
    }
}
