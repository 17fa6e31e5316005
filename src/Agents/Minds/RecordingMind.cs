using System.Text.Json;
using Agents.Decisions;

namespace Agents.Minds;

/// <summary>
/// Wraps a mind and writes every decision it answers well as one chat JSONL line,
/// <c>{"messages":[system, user, assistant], "decision": type, "shape": reply regex}</c>: the distillation dataset
/// (the shape lets an evaluation check a model's replies without the decision at hand). The assistant message is
/// the reply in its ideal form (<see cref="IDecision.FormatIdeal"/>), so it matches the decision's reply shape; replies
/// that do not parse are not written. Batches are written in order; do not answer two batches at once. Owns the writer.
/// </summary>
public sealed class RecordingMind : IMind, IDisposable
{
    private readonly IMind _inner;
    private readonly TextWriter _writer;

    /// <summary>Records <paramref name="inner"/>'s answers to <paramref name="writer"/>.</summary>
    public RecordingMind(IMind inner, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(writer);
        _inner = inner;
        _writer = writer;
    }

    /// <summary>Records to a JSONL file, appending.</summary>
    public RecordingMind(IMind inner, string path)
        : this(inner, new StreamWriter(path, append: true) { NewLine = "\n" })
    {
    }

    /// <summary>Lines written so far.</summary>
    public long Written { get; private set; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<MindReply>> AnswerAsync(IReadOnlyList<IDecision> batch, CancellationToken cancellationToken)
    {
        var replies = await _inner.AnswerAsync(batch, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].FormatIdeal(replies[i].Text) is { } ideal)
            {
                await _writer.WriteLineAsync(Line(batch[i], ideal).AsMemory(), cancellationToken).ConfigureAwait(false);
                Written++;
            }
        }

        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return replies;
    }

    /// <summary>The JSONL line for one decision and its reply.</summary>
    public static string Line(IDecision decision, string reply)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var record = new
        {
            messages = new[]
            {
                new { role = "system", content = DecisionPrompts.System },
                new { role = "user", content = decision.Render() },
                new { role = "assistant", content = reply },
            },
            decision = decision.Type,
            shape = decision.ReplyShape,
        };
        return JsonSerializer.Serialize(record);
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
